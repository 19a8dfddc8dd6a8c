using Aims.Identity.Contracts;
using Npgsql;

namespace Aims.Host.Startup;

/// <summary>
/// Where configured, seeds the demo data once Wolverine has started (it is registered after it): seeders file appeals,
/// and the integration events they publish go through Wolverine's outbox, which refuses work before its start (ADR 0035).
/// </summary>
internal sealed class DemoDataStartup(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    DemoSignInAnnouncer announcer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        StartupTimeline.Mark("Wolverine and the module hosted services started");
        return configuration.GetValue<bool>("Aims:SeedDemoData")
            ? DatabaseStartup.ExplainFailuresAsync(dataSource, () => SeedAsync(cancellationToken))
            : Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            announcer.Add(await seeder.SeedAsync(cancellationToken));
        }
    }
}
