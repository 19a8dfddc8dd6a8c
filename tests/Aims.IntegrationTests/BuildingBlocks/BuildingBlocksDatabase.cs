using Aims.Host.Composition;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// The building-block tests get a database of their own with the probe module's schema; scheduled messages are made due
/// by the tests' moved clocks.
/// </summary>
[SetUpFixture]
public sealed class BuildingBlocksDatabase
{
    public static string ConnectionString { get; private set; } = "";

    [OneTimeSetUp]
    public async Task CreateAsync()
    {
        ConnectionString = await TestDatabase.RecreateAsync("aims_test_buildingblocks");
        await using var services = ProbeServices.Create();
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
    }
}
