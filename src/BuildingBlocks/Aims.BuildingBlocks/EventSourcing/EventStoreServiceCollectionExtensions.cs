using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.EventSourcing;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>The event store in one module's schema. Its tables come from <see cref="EventStoreSchema.Migration"/>.</summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, EventStoreOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<EventTypeRegistry>();
        services.AddScoped(provider => new EventStore(
            provider.GetRequiredService<DbSession>(),
            provider.GetRequiredService<OperationContext>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<EventTypeRegistry>(),
            provider.GetServices<IProjection>(),
            options));
        return services;
    }
}
