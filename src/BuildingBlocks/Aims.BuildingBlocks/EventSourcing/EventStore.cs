using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Aims.BuildingBlocks.EventSourcing;

/// <summary>
/// Marten-shaped event store on plain PostgreSQL: streams with a version, events appended with an expected version
/// (a stale one is a <see cref="ConcurrencyException"/>), and inline projections in the same transaction.
/// </summary>
public sealed class EventStore
{
    private readonly DbSession session;
    private readonly OperationContext operation;
    private readonly TimeProvider time;
    private readonly EventTypeRegistry types;
    private readonly IEnumerable<IProjection> projections;
    private readonly string schema;

    internal EventStore(
        DbSession session, OperationContext operation, TimeProvider time, EventTypeRegistry types,
        IEnumerable<IProjection> projections, EventStoreOptions options)
    {
        this.session = session;
        this.operation = operation;
        this.time = time;
        this.types = types;
        this.projections = projections;
        schema = options.Schema;
    }

    /// <summary>Creates the stream with its first events; a stream that already exists is a conflict.</summary>
    public async Task StartStreamAsync(Guid streamId, string streamType, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        RequireEvents(events);
        session.RequireTransaction("Starting an event stream");
        var now = time.GetUtcNow();
        await using var command = await session.CommandAsync(
            $"INSERT INTO {schema}.streams (id, type, version, created_at, updated_at) VALUES (@id, @type, @version, @now, @now) ON CONFLICT (id) DO NOTHING",
            cancellationToken);
        command.Parameters.AddWithValue("id", streamId);
        command.Parameters.AddWithValue("type", streamType);
        command.Parameters.AddWithValue("version", (long)events.Count);
        command.Parameters.AddWithValue("now", now);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new ConcurrencyException($"The {streamType} {streamId} already exists.");
        }

        await WriteEventsAsync(streamId, streamType, 0, events, now, cancellationToken);
    }

    /// <summary>Appends after <paramref name="expectedVersion"/>; returns the stream's new version.</summary>
    public async Task<long> AppendAsync(Guid streamId, long expectedVersion, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        RequireEvents(events);
        session.RequireTransaction("Appending events");
        var now = time.GetUtcNow();
        await using var command = await session.CommandAsync(
            $"UPDATE {schema}.streams SET version = version + @count, updated_at = @now WHERE id = @id AND version = @expected RETURNING type",
            cancellationToken);
        command.Parameters.AddWithValue("id", streamId);
        command.Parameters.AddWithValue("count", (long)events.Count);
        command.Parameters.AddWithValue("expected", expectedVersion);
        command.Parameters.AddWithValue("now", now);
        if (await command.ExecuteScalarAsync(cancellationToken) is not string streamType)
        {
            throw await StreamExistsAsync(streamId, cancellationToken)
                ? new ConcurrencyException("This record changed since you loaded it. Reload it and try again.")
                : new NotFoundException($"No stream {streamId}.");
        }

        await WriteEventsAsync(streamId, streamType, expectedVersion, events, now, cancellationToken);
        return expectedVersion + events.Count;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            $"SELECT seq, id, version, type, data::text, timestamp, actor, correlation_id, causation_id FROM {schema}.events WHERE stream_id = @id ORDER BY version",
            cancellationToken);
        command.Parameters.AddWithValue("id", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(3);
            events.Add(new StoredEvent(
                reader.GetInt64(0), reader.GetGuid(1), streamId, reader.GetInt64(2), type,
                types.Deserialize(type, reader.GetString(4)), reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return events;
    }

    /// <summary>Rebuilds an aggregate by folding its events; null when the stream does not exist.</summary>
    public async Task<T?> LoadAsync<T>(Guid streamId, CancellationToken cancellationToken)
        where T : Aggregate, new()
    {
        var events = await ReadStreamAsync(streamId, cancellationToken);
        return events.Count == 0 ? null : Fold<T>(streamId, events);
    }

    /// <summary>Folds events already read (a caller that also shows them, as a history, reads the stream once).</summary>
    public static T Fold<T>(Guid streamId, IReadOnlyList<StoredEvent> events)
        where T : Aggregate, new()
    {
        var aggregate = new T { Id = streamId };
        foreach (var stored in events)
        {
            aggregate.Apply(stored.Data);
            aggregate.Version = stored.Version;
        }

        return aggregate;
    }

    private static void RequireEvents(IReadOnlyList<IEvent> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("At least one event is needed.", nameof(events));
        }
    }

    private async Task<bool> StreamExistsAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync($"SELECT 1 FROM {schema}.streams WHERE id = @id", cancellationToken);
        command.Parameters.AddWithValue("id", streamId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async Task WriteEventsAsync(
        Guid streamId, string streamType, long previousVersion, IReadOnlyList<IEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = new List<StoredEvent>(events.Count);
        await using var batch = new NpgsqlBatch(session.Connection, session.Transaction);
        foreach (var @event in events)
        {
            var version = previousVersion + stored.Count + 1;
            var id = Guid.CreateVersion7(now);
            var type = types.NameOf(@event);
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO {schema}.events (id, stream_id, version, type, data, timestamp, actor, correlation_id, causation_id) " +
                "VALUES (@id, @stream, @version, @type, @data, @now, @actor, @correlation, @causation) RETURNING seq");
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("stream", streamId);
            command.Parameters.AddWithValue("version", version);
            command.Parameters.AddWithValue("type", type);
            command.Parameters.AddWithValue("data", NpgsqlDbType.Jsonb, types.Serialize(@event));
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("actor", (object?)operation.ActorId ?? DBNull.Value);
            command.Parameters.AddWithValue("correlation", operation.CorrelationId);
            command.Parameters.AddWithValue("causation", (object?)operation.CausationId ?? DBNull.Value);
            batch.BatchCommands.Add(command);
            stored.Add(new StoredEvent(0, id, streamId, version, type, @event, now, operation.ActorId, operation.CorrelationId, operation.CausationId));
        }

        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var index = 0;
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    stored[index] = stored[index] with { Sequence = reader.GetInt64(0) };
                }

                index++;
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ConcurrencyException("This record changed since you loaded it. Reload it and try again.");
        }

        foreach (var projection in projections)
        {
            await projection.ApplyAsync(streamType, stored, cancellationToken);
        }
    }
}
