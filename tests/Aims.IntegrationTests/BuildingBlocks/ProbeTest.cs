using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>Each test gets empty probe tables and its own composition of the building blocks.</summary>
public abstract class ProbeTest
{
    protected ServiceProvider Services { get; private set; } = null!;

    protected virtual TimeProvider? Clock => null;

    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Runs before the services are composed, for state their settings depend on.</summary>
    protected virtual void BeforeComposing()
    {
    }

    [SetUp]
    public async Task SetUpProbeAsync()
    {
        BeforeComposing();
        await ProbeServices.ResetAsync();
        Services = ProbeServices.Create(Clock, Settings);
        await Aims.Testing.WolverineInbox.ClearAsync(Services);
    }

    [TearDown]
    public ValueTask TearDownProbeAsync() => Services.DisposeAsync();
}
