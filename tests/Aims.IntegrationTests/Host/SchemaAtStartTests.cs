using Aims.BuildingBlocks.Persistence;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// The schema is `migrate`'s job (ADR 0049, amended): a Production host checks the migration history in one query and
/// refuses, in one line naming `migrate`, to start on a database that is not up to date, changing nothing; `migrate`
/// also builds Wolverine's tables, which the host only checks.
/// </summary>
public sealed class SchemaAtStartTests
{
    private const string Advice = "Run `dotnet Aims.Host.dll migrate` (./build.sh migrate) first, then start the portal.";

    [Test]
    public async Task On_a_database_never_migrated_production_refuses_to_start_naming_migrate_and_creates_nothing()
    {
        var database = await TestDatabase.RecreateAsync("aims_test_integration_unmigrated");

        var outcome = await StartProductionAsync(database);

        var count = RegisteredMigrations().Count;
        StartupFailureTests.ShouldFailWith(outcome, $"AIMS cannot start: The database is not up to date: {count} of its {count} migrations are not applied (");
        outcome.Output.ShouldContain(Advice);
        (await ScalarAsync<long>(database, "SELECT count(*) FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('public', 'information_schema')"))
            .ShouldBe(0L, "a refused start creates no schema");
    }

    [Test]
    public async Task A_missing_migration_or_missing_Wolverine_tables_stop_a_production_start_until_migrate_runs()
    {
        var database = await TestDatabase.RecreateAsync("aims_test_integration_behind");
        (await HostProcess.RunAsync(Production(database), "migrate")).ExitCode.ShouldBe(0);
        (await ScalarAsync<bool>(database, "SELECT to_regclass('wolverine.wolverine_incoming_envelopes') IS NOT NULL")).ShouldBeTrue("migrate builds Wolverine's tables");

        // A previous version's database: the newest migration of one schema is not in its history.
        var newest = HostUnderTest.Portal.Services.GetServices<ModuleSchema>().Last(schema => schema.Migrations.Count > 0);
        var missing = newest.Migrations[^1].Id;
        await ExecuteAsync(database, $"DELETE FROM {newest.Name}.schema_migrations WHERE id = '{missing}'");

        var behind = await StartProductionAsync(database);

        StartupFailureTests.ShouldFailWith(behind, $"AIMS cannot start: The database is not up to date: 1 of its {RegisteredMigrations().Count} migrations are not applied ({newest.Name}/{missing}). {Advice}");

        // Wolverine's tables gone, the history complete again: Wolverine's own check stops the start, in AIMS's words.
        await ExecuteAsync(database, $"INSERT INTO {newest.Name}.schema_migrations (id) VALUES ('{missing}'); DROP SCHEMA wolverine CASCADE");

        var noWolverine = await StartProductionAsync(database);

        StartupFailureTests.ShouldFailWith(noWolverine, $"AIMS cannot start: The database is not up to date: Wolverine's message tables are missing or out of date. {Advice}");
        (await ScalarAsync<bool>(database, "SELECT to_regnamespace('wolverine') IS NOT NULL")).ShouldBeFalse("the host builds none of Wolverine's tables");

        var again = await HostProcess.RunAsync(Production(database), "migrate");

        again.Output.ShouldContain("Database is up to date (0 migration(s) applied)");
        (await ScalarAsync<bool>(database, "SELECT to_regclass('wolverine.wolverine_incoming_envelopes') IS NOT NULL")).ShouldBeTrue("migrate rebuilt them");
    }

    private static Task<HostProcess.Outcome> StartProductionAsync(string database) =>
        HostProcess.RunAsync(new Dictionary<string, string>(ProductionStartupTests.SafeProduction()) { ["ConnectionStrings__Aims"] = database });

    private static Dictionary<string, string> Production(string database) =>
        new() { ["ConnectionStrings__Aims"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    private static List<string> RegisteredMigrations() =>
        HostUnderTest.Portal.Services.GetServices<ModuleSchema>().SelectMany(schema => schema.Migrations.Select(migration => $"{schema.Name}/{migration.Id}")).ToList();

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
