using Aims.Testing;
using Npgsql;

namespace Aims.IntegrationTests.Host;

/// <summary>`Aims.Host migrate`: applies what is pending, once, even when two hosts start together.</summary>
public sealed class MigrateCommandTests
{
    [Test]
    public async Task Migrate_applies_every_migration_then_nothing_the_second_time()
    {
        var database = await TestDatabase.RecreateAsync("aims_test_migrate");

        var first = await MigrateAsync(database);
        var second = await MigrateAsync(database);

        first.ExitCode.ShouldBe(0, first.Output);
        first.Output.ShouldMatch(@"Database is up to date \([1-9]\d* migration\(s\) applied\)");
        second.ExitCode.ShouldBe(0, second.Output);
        second.Output.ShouldContain("Database is up to date (0 migration(s) applied)");
    }

    [Test]
    public async Task Two_hosts_migrating_a_fresh_database_at_once_both_succeed_and_each_migration_is_applied_once()
    {
        var database = await TestDatabase.RecreateAsync("aims_test_migrate_race");

        var outcomes = await Task.WhenAll(MigrateAsync(database), MigrateAsync(database));

        outcomes.ShouldAllBe(o => o.ExitCode == 0);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM appeals.schema_migrations", connection);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(2);
    }

    private static Task<HostProcess.Outcome> MigrateAsync(string database) =>
        HostProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Aims"] = database }, "migrate");
}
