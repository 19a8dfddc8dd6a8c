using Aims.MessagingProbe;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// The host's connections (ADR 0042, amended): statements are auto-prepared, yet planned for their values on every run,
/// so a staff search never falls back to a generic plan; a connection string that chooses otherwise is obeyed.
/// </summary>
public sealed class DataSourceTests
{
    [Test]
    public async Task Host_connections_plan_prepared_statements_for_their_values()
    {
        await using var services = ProbeServices.Create();
        (await PlanCacheModeAsync(services)).ShouldBe("force_custom_plan");
    }

    [Test]
    public async Task A_connection_string_that_sets_the_plan_cache_mode_is_obeyed()
    {
        var generic = new NpgsqlConnectionStringBuilder(BuildingBlocksDatabase.ConnectionString) { Options = "-c plan_cache_mode=auto" }.ConnectionString;
        await using var services = ProbeComposition.Build(generic);
        (await PlanCacheModeAsync(services)).ShouldBe("auto");
    }

    private static async Task<string> PlanCacheModeAsync(IServiceProvider services)
    {
        await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SHOW plan_cache_mode", connection);
        return (string)(await show.ExecuteScalarAsync())!;
    }
}
