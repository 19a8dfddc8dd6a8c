using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// Before the server listens a start does only what readiness needs (issue 20's cold start, ADR 0049): work the first
/// use of a module would do anyway is left to that use.
/// </summary>
public sealed class StartupWorkTests
{
    [Test]
    public void Martens_hosted_service_which_builds_the_event_stores_options_at_every_start_is_not_registered()
    {
        // Marten registers it itself, under the name the Appeals module takes out again.
        var martens = new ServiceCollection();
        martens.AddMarten(new StoreOptions());
        martens.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "AsyncConfigureMartenApplication")
            .ShouldBeTrue("Marten registers AsyncConfigureMartenApplication");

        HostUnderTest.Registrations.Where(d => d.ServiceType == typeof(IHostedService))
            .Select(d => d.ImplementationType?.Assembly)
            .ShouldNotContain(typeof(StoreOptions).Assembly, "no Marten hosted service runs at start");
    }
}
