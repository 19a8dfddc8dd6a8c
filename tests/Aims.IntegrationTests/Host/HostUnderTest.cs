using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// One real host (Program.cs) on the assembly's database, `aims_test_integration`, started — and so migrated — once for
/// the host tests. A test that needs the database in another state makes its own `aims_test_integration_*` database.
/// </summary>
[SetUpFixture]
public sealed class HostUnderTest
{
    public const string DatabaseName = "aims_test_integration";

    public static string ConnectionString { get; private set; } = "";

    public static AimsAppFactory Portal { get; private set; } = null!;

    /// <summary>What Program.cs registered, for tests that look for every service of a kind.</summary>
    public static IServiceCollection Registrations { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        ConnectionString = await TestDatabase.RecreateAsync(DatabaseName);
        Portal = new AimsAppFactory(ConnectionString, services => Registrations = services);
        _ = Portal.Services;
    }

    [OneTimeTearDown]
    public ValueTask StopAsync() => Portal.DisposeAsync();
}
