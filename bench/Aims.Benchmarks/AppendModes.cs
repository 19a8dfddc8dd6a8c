using Aims.MessagingProbe;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using Weasel.Core;

namespace Aims.Benchmarks;

/// <summary>
/// Marten's append modes side by side on the probe's schema (issue 19: a 100-event append ≤ 2× a 1-event one): a bare
/// store per mode, configured as AIMS's (same schema, metadata, serializer, no projection), each append in a
/// transaction of its own, so the ratio of 100 events to 1 can be read for each mode Marten 9.62 offers.
/// </summary>
internal sealed class AppendModes(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private readonly Dictionary<EventAppendMode, DocumentStore> stores = [];

    // Quick without server timestamps calls a function of another signature than the one migrate installs, so it is not among them.
    public static readonly EventAppendMode[] Modes = [EventAppendMode.QuickWithServerTimestamps, EventAppendMode.Rich];

    public DocumentStore Store(EventAppendMode mode)
    {
        if (!stores.TryGetValue(mode, out var store))
        {
            store = DocumentStore.For(options =>
            {
                options.Connection(dataSource);
                options.DatabaseSchemaName = ProbeModule.Schema;
                options.Events.DatabaseSchemaName = ProbeModule.Schema;
                options.AutoCreateSchemaObjects = AutoCreate.None;
                options.Events.AppendMode = mode;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.CamelCase);
                options.Events.MapEventType(typeof(CounterStarted), nameof(CounterStarted));
                options.Events.MapEventType(typeof(CounterIncremented), nameof(CounterIncremented));
            });
            stores[mode] = store;
        }

        return store;
    }

    public async Task<long> StartAsync(EventAppendMode mode, Guid stream)
    {
        await using var session = Store(mode).LightweightSession();
        session.Events.StartStream<Counter>(stream, new CounterStarted(stream, "bench"));
        await session.SaveChangesAsync();
        return 1;
    }

    /// <summary><paramref name="events"/> events after <paramref name="version"/>, expected version checked, in a transaction of its own.</summary>
    public async Task<long> AppendAsync(EventAppendMode mode, Guid stream, long version, int events)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var session = Store(mode).LightweightSession(SessionOptions.ForTransaction(transaction));
        session.CorrelationId = "bench";
        session.LastModifiedBy = "tester";
        session.Events.Append(stream, version + events, Enumerable.Range(0, events).Select(_ => (object)new CounterIncremented(1)).ToArray());
        await session.SaveChangesAsync();
        await transaction.CommitAsync();
        return version + events;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var store in stores.Values)
        {
            store.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
