using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// `Aims:DevClock:Offset` moves the AIMS clock of a Development host (to try reminders by hand, docs/scale-out.md) and
/// no other host's.
/// </summary>
public sealed class DevClockTests
{
    private static readonly Dictionary<string, string?> ThirtyDaysAhead = new()
    {
        ["Aims:DevClock:Offset"] = "30.00:00:00",
        ["Aims:SeedDemoData"] = "false",
    };

    [Test]
    public async Task A_development_host_runs_on_the_moved_clock_and_any_other_host_ignores_the_setting()
    {
        var database = await TestDatabase.RecreateAsync("aims_test_integration_devclock");

        await using (var development = new AimsAppFactory(database, settings: ThirtyDaysAhead, environment: "Development"))
        {
            var moved = development.Services.GetRequiredService<TimeProvider>().GetUtcNow() - DateTimeOffset.UtcNow;
            moved.ShouldBeInRange(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        }

        await using var testing = new AimsAppFactory(database, settings: ThirtyDaysAhead);
        (testing.Services.GetRequiredService<TimeProvider>().GetUtcNow() - DateTimeOffset.UtcNow).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
    }
}
