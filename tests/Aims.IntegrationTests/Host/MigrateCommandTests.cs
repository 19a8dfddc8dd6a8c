using Aims.BuildingBlocks.Persistence;
using Aims.Host.Composition;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// `Aims.Host migrate` in Production with nothing but the connection string (as `./build.sh migrate` and a deployment run
/// it), and the migrator applying what is pending once, even when two run at the same moment.
/// </summary>
public sealed class MigrateCommandTests
{
    [Test]
    public async Task Migrate_applies_every_migration_then_nothing_the_second_time()
    {
        var database = await TestDatabase.RecreateAsync("aims_test_integration_migrate");

        var first = await MigrateAsync(database);
        var second = await MigrateAsync(database);

        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldContain($"Database is up to date ({RegisteredMigrations().Count} migration(s) applied)");
        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldContain("Database is up to date (0 migration(s) applied)");
    }

    [Test]
    public async Task Two_migrators_on_a_fresh_database_at_once_both_succeed_and_record_each_migration_once()
    {
        var database = await TestDatabase.RecreateAsync("aims_test_integration_migrate_race");
        await using var dataSource = NpgsqlDataSource.Create(database);
        var schemas = HostUnderTest.Portal.Services.GetServices<ModuleSchema>().ToList();
        SchemaMigrator NewMigrator() => new(dataSource, schemas, [], NullLogger<SchemaMigrator>.Instance);

        var applied = await Task.WhenAll(NewMigrator().MigrateAsync(CancellationToken.None), NewMigrator().MigrateAsync(CancellationToken.None));

        applied.Order().ShouldBe([0, RegisteredMigrations().Count]);
        (await RecordedMigrationsAsync(dataSource, schemas)).ShouldBe(RegisteredMigrations());
    }

    [Test]
    public void The_schemas_that_moved_to_Identity_keep_the_ids_a_previous_version_recorded()
    {
        // BotCheck and the key ring left the building blocks (ADR 0046) with their schemas and ids: a database the
        // previous version migrated already holds these rows, so migrating it runs neither again.
        RegisteredMigrations().ShouldContain("botcheck/0001_used_challenges");
        RegisteredMigrations().ShouldContain("dataprotection/0001_keys");
    }

    /// <summary>"schema/id" of every migration the host registers, in a stable order.</summary>
    private static List<string> RegisteredMigrations() =>
        HostUnderTest.Portal.Services.GetServices<ModuleSchema>()
            .SelectMany(schema => schema.Migrations.Select(migration => $"{schema.Name}/{migration.Id}"))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Every row of every history table, duplicates included.</summary>
    private static async Task<List<string>> RecordedMigrationsAsync(NpgsqlDataSource dataSource, IEnumerable<ModuleSchema> schemas)
    {
        var recorded = new List<string>();
        foreach (var schema in schemas.Select(s => s.Name).Distinct())
        {
            await using var command = dataSource.CreateCommand($"SELECT id FROM {schema}.schema_migrations");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                recorded.Add($"{schema}/{reader.GetString(0)}");
            }
        }

        return recorded.Order(StringComparer.Ordinal).ToList();
    }

    private static Task<HostProcess.Outcome> MigrateAsync(string database) =>
        HostProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Aims"] = database, ["ASPNETCORE_ENVIRONMENT"] = "Production" }, "migrate");
}
