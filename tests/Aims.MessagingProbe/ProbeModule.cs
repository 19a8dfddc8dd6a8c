using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using JasperFx.Events.Projections;
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
        services.AddModuleDbContext<ProbeDbContext>(new ModuleSchema(Schema, SqlMigration.EmbeddedIn(typeof(ProbeModule).Assembly)));
        services.AddEventStreams(Schema, options =>
        {
            options.EventsNamedByType(typeof(CounterStarted), typeof(CounterIncremented));
            options.Projections.LiveStreamAggregation<Counter>();
            options.Projections.Add(new CounterProjection(), ProjectionLifecycle.Inline);
        });
    }
}
