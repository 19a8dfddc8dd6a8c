using Aims.Testing;
using Npgsql;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// Marten's schema is compared with the configuration only when the code that defines it is a different build from the
/// last comparison's (ADR 0049): a restart of the same build skips the comparison, which took seconds of every start.
/// </summary>
public sealed class MartenSchemaAtStartTests
{
    [Test]
    public async Task Migrate_compares_Marten_schema_again_only_after_the_defining_code_changed()
    {
        var database = await TestDatabase.RecreateAsync("aims_test_integration_marten_fingerprint");
        await MigrateAsync(database);
        await using var dataSource = NpgsqlDataSource.Create(database);
        var fingerprint = (await ScalarAsync(dataSource, "SELECT obj_description('appeals'::regnamespace, 'pg_namespace')")).ShouldBeOfType<string>();
        fingerprint.ShouldStartWith("marten ");
        var table = (await ScalarAsync(dataSource,
            "SELECT 'appeals.' || tablename FROM pg_tables WHERE schemaname = 'appeals' AND tablename LIKE 'mt_doc_%' ORDER BY tablename LIMIT 1")).ShouldBeOfType<string>();

        // The same build again: Marten's objects are trusted as migrated, so one dropped by hand is not noticed.
        await ScalarAsync(dataSource, $"DROP TABLE {table}");
        await MigrateAsync(database);
        (await ScalarAsync(dataSource, $"SELECT to_regclass('{table}') IS NULL")).ShouldBe(true);

        // A different build (another fingerprint recorded): the comparison runs and puts the table back.
        await ScalarAsync(dataSource, "COMMENT ON SCHEMA appeals IS 'marten an earlier build'");
        await MigrateAsync(database);
        (await ScalarAsync(dataSource, $"SELECT to_regclass('{table}') IS NOT NULL")).ShouldBe(true);
        (await ScalarAsync(dataSource, "SELECT obj_description('appeals'::regnamespace, 'pg_namespace')")).ShouldBe(fingerprint);
    }

    private static async Task MigrateAsync(string database)
    {
        var outcome = await HostProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Aims"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "migrate");
        outcome.ExitCode.ShouldBe(0, outcome.Output);
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
