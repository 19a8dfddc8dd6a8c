using Aims.BuildingBlocks.Persistence;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core;

namespace Aims.Appeals.Persistence;

internal static class EventStreamsServiceCollectionExtensions
{
    /// <summary>The name of Marten's hosted service that runs <c>IAsyncConfigureMarten</c> registrations at start.</summary>
    internal const string AsyncMartenConfiguration = "AsyncConfigureMartenApplication";

        /// <summary>
        /// Marten on the host's data source, in the module's schema, made by <c>migrate</c> and never at run time (ADR 0034);
        /// <paramref name="configure"/> names the module's events, aggregates and projections.
        /// </summary>
    public static IServiceCollection AddEventStreams(this IServiceCollection services, string schema, Action<StoreOptions> configure)
    {
        services.AddMarten(provider =>
        {
            var options = new StoreOptions();
            options.Connection(provider.GetRequiredService<NpgsqlDataSource>());
            options.DatabaseSchemaName = schema;
            options.Events.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = AutoCreate.None;
            // Quick appends whose timestamps come from the host's TimeProvider (the AIMS clock tests set), not the
            // database's now(): the timeline shows the clock's time for every event, the first and the later ones (ADR 0036).
            options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
            options.Events.MetadataConfig.CorrelationIdEnabled = true;
            options.Events.MetadataConfig.CausationIdEnabled = true;
            options.Events.MetadataConfig.UserNameEnabled = true;
            options.Events.TimeProvider = provider.GetRequiredService<TimeProvider>();
            // The JSON the hand-written store wrote (camelCase, enums as numbers), so imported events read back as written.
            options.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.CamelCase);
            configure(options);
            return options;
        });
        // Marten's hosted service that applies IAsyncConfigureMarten registrations (AIMS has none) builds the store's
        // options at every start, before the server listens (ADR 0049); without it they are built when appeals are first used.
        foreach (var unused in services.Where(d => d.ImplementationType is { Name: AsyncMartenConfiguration } type && type.Assembly == typeof(StoreOptions).Assembly).ToList())
        {
            services.Remove(unused);
        }

        services.AddScoped<EventStreams>();
        services.AddSingleton<ISchemaStep>(provider =>
            new EventStreamsSchema(provider.GetRequiredService<IDocumentStore>(), provider.GetRequiredService<NpgsqlDataSource>(), schema));
        return services;
    }

    /// <summary>Stores each event under its short type name (as the hand-written store did, so old rows import as they are).</summary>
    public static void EventsNamedByType(this StoreOptions options, params Type[] eventTypes)
    {
        foreach (var type in eventTypes)
        {
            options.Events.MapEventType(type, type.Name);
        }
    }
}
