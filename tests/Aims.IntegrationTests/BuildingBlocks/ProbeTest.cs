using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>Each test gets empty probe tables and its own composition of the building blocks.</summary>
public abstract class ProbeTest
{
    protected ServiceProvider Services { get; private set; } = null!;

    protected virtual TimeProvider? Clock => null;

    protected virtual IDictionary<string, string?>? Settings => null;

    [SetUp]
    public async Task SetUpProbeAsync()
    {
        await ProbeServices.ResetAsync();
        Services = ProbeServices.Create(Clock, Settings);
    }

    [TearDown]
    public ValueTask TearDownProbeAsync() => Services.DisposeAsync();
}
