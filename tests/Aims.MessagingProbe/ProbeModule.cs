using Aims.BuildingBlocks.EventSourcing;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.MessagingProbe;

/// <summary>A module that exists only for tests of the building blocks: notes, a counter stream, a receiver.</summary>
public sealed class ProbeModule : IModule
{
    public const string Schema = "probe";

    public string Name => "Probe";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        var migrations = SqlMigration.EmbeddedIn(typeof(ProbeModule).Assembly).Prepend(EventStoreSchema.Migration(Schema)).ToList();
        services.AddModuleDbContext<ProbeDbContext>(new ModuleSchema(Schema, migrations));
        services.AddEventStore(new EventStoreOptions { Schema = Schema, EventAssemblies = [typeof(ProbeModule).Assembly] });
        services.AddScoped<IProjection, CounterProjection>();
    }
}
