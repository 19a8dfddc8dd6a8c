using Aims.Appeals;
using Aims.BuildingBlocks;
using Aims.BuildingBlocks.Persistence;
using Aims.Identity;
using Aims.Registration;
using Aims.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// Marten's schema is compared with the configuration only when the code that defines it is a different build from the
/// last comparison's (ADR 0049): a restart of the same build skips the comparison, which took seconds of every start.
/// </summary>
public sealed class MartenSchemaAtStartTests
{
    private const string Fingerprint = "SELECT obj_description('appeals'::regnamespace, 'pg_namespace')";

    [Test]
    public async Task Migrate_compares_Marten_schema_again_only_after_the_defining_code_changed()
    {
        await using var services = Services(await TestDatabase.RecreateAsync("aims_test_integration_marten_fingerprint"));
        var migrator = services.GetRequiredService<SchemaMigrator>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await migrator.MigrateAsync(CancellationToken.None);
        var fingerprint = (await ScalarAsync(dataSource, Fingerprint)).ShouldBeOfType<string>();
        fingerprint.ShouldStartWith("marten ");
        var table = (await ScalarAsync(dataSource,
            "SELECT 'appeals.' || tablename FROM pg_tables WHERE schemaname = 'appeals' AND tablename LIKE 'mt_doc_%' ORDER BY tablename LIMIT 1")).ShouldBeOfType<string>();

        // The same build again: Marten's objects are trusted as migrated, so one dropped by hand is not noticed.
        await ScalarAsync(dataSource, $"DROP TABLE {table}");
        await migrator.MigrateAsync(CancellationToken.None);
        (await ScalarAsync(dataSource, $"SELECT to_regclass('{table}') IS NULL")).ShouldBe(true);

        // A different build recorded: the comparison runs, puts the table back and records this build.
        await ScalarAsync(dataSource, "COMMENT ON SCHEMA appeals IS 'marten an earlier build'");
        await migrator.MigrateAsync(CancellationToken.None);
        (await ScalarAsync(dataSource, $"SELECT to_regclass('{table}') IS NOT NULL")).ShouldBe(true);
        (await ScalarAsync(dataSource, Fingerprint)).ShouldBe(fingerprint);
    }

    private static ServiceProvider Services(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Aims"] = database,
            ["Aims:Messaging:RelayEnabled"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAims(configuration, [new IdentityModule(), new RegistrationModule(), new AppealsModule()]);
        return services.BuildServiceProvider();
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
