using Aims.Testing;

namespace Aims.IntegrationTests.Documents;

/// <summary>One real clamd for every documents fixture in this namespace.</summary>
[SetUpFixture]
public sealed class VirusScanner
{
    public static ClamdTestServer Clamd { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => Clamd = await ClamdTestServer.StartAsync();

    [OneTimeTearDown]
    public ValueTask StopAsync() => Clamd.DisposeAsync();
}
