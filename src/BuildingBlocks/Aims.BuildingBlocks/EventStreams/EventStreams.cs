using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;

namespace Aims.BuildingBlocks.EventStreams;

/// <summary>
/// A module's event streams in Marten, on the scope's shared connection: writes go through a Marten session opened on
/// the unit of work's own transaction (ADR 0004, ADR 0034), so the events, Marten's inline projections, the EF rows
/// and the outbox messages commit together or not at all. Appends carry the version the caller saw; a stale one is a
/// <see cref="ConcurrencyException"/> (409, "reload"). Every event carries who acted and under which correlation.
/// </summary>
public sealed class EventStreams(IDocumentStore store, DbSession db, OperationContext operation) : IAsyncDisposable, IDisposable
{
    private IDocumentSession? writer;
    private NpgsqlTransaction? writerTransaction;
    private IQuerySession? reader;
    private IQuerySession? committed;

    /// <summary>Creates the stream with its first events; a stream that already exists is a conflict.</summary>
    public async Task StartAsync<TAggregate>(Guid streamId, IReadOnlyList<object> events, CancellationToken cancellationToken)
        where TAggregate : class
    {
        RequireEvents(events);
        var session = Writer("Starting an event stream");
        session.Events.StartStream<TAggregate>(streamId, events);
        await SaveAsync(session, streamId, starting: true, cancellationToken);
    }

    /// <summary>Appends after <paramref name="expectedVersion"/> (the version the caller read); returns the new version.</summary>
    public async Task<long> AppendAsync(Guid streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        RequireEvents(events);
        var session = Writer("Appending events");
        // Marten's expected version is the stream's version once these events are in.
        session.Events.Append(streamId, expectedVersion + events.Count, events);
        await SaveAsync(session, streamId, starting: false, cancellationToken);
        return expectedVersion + events.Count;
    }

    /// <summary>The stream's events in order, with Marten's metadata (time, version, actor, correlation and causation).</summary>
    public async Task<IReadOnlyList<IEvent>> ReadAsync(Guid streamId, CancellationToken cancellationToken) =>
        await (await ReaderAsync(cancellationToken)).Events.FetchStreamAsync(streamId, token: cancellationToken);

    /// <summary>The aggregate Marten folds from the stream; null when there is no such stream.</summary>
    public async Task<T?> LoadAsync<T>(Guid streamId, CancellationToken cancellationToken)
        where T : class =>
        await (await ReaderAsync(cancellationToken)).Events.AggregateStreamAsync<T>(streamId, token: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        if (reader is not null)
        {
            await reader.DisposeAsync();
        }

        if (committed is not null)
        {
            await committed.DisposeAsync();
        }
    }

    /// <summary>For scopes disposed synchronously (the message pump's handler look-up).</summary>
    public void Dispose()
    {
        writer?.Dispose();
        reader?.Dispose();
        committed?.Dispose();
    }

    private IDocumentSession Writer(string what)
    {
        var transaction = db.RequireTransaction(what);
        if (writer is null || !ReferenceEquals(writerTransaction, transaction))
        {
            writer?.Dispose();
            writer = store.LightweightSession(SessionOptions.ForTransaction(transaction));
            writerTransaction = transaction;
        }

        writer.CorrelationId = operation.CorrelationId;
        writer.CausationId = operation.CausationId;
        writer.LastModifiedBy = operation.ActorId;
        return writer;
    }

    /// <summary>Inside a unit of work the writing session, so a read sees what this transaction appended.</summary>
    private async Task<IQuerySession> ReaderAsync(CancellationToken cancellationToken)
    {
        // A failed save aborts the transaction (PostgreSQL ignores every later command in it), so what a conflict
        // handler reads next comes from what others committed, on a connection of its own.
        if (committed is not null)
        {
            return committed;
        }

        if (db.InTransaction)
        {
            return Writer("Reading");
        }

        await db.EnsureOpenAsync(cancellationToken);
        return reader ??= store.QuerySession(SessionOptions.ForConnection(db.Connection));
    }

    private async Task SaveAsync(IDocumentSession session, Guid streamId, bool starting, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (IsConflict(exception))
        {
            committed ??= store.QuerySession();
            // Marten reports a missing stream as a version mismatch (expected n, actual 0); the failed transaction can no
            // longer be read, so whether the stream exists is asked on a connection of its own.
            if (!starting && await committed.Events.FetchStreamStateAsync(streamId, cancellationToken) is null)
            {
                throw new NotFoundException($"No stream {streamId}.");
            }

            throw new ConcurrencyException("This record changed since you loaded it. Reload it and try again.");
        }
        catch (Exception exception) when (exception is JasperFx.Events.NonExistentStreamException or Marten.Exceptions.NonExistentStreamException)
        {
            throw new NotFoundException($"No stream {streamId}.");
        }
    }


    private static bool IsConflict(Exception exception) => exception is JasperFx.ConcurrencyException
        or Marten.Exceptions.ConcurrentUpdateException
        or Marten.Exceptions.ExistingStreamIdCollisionException
        or JasperFx.Events.ExistingStreamIdCollisionException
        || exception.InnerException is { } inner && IsConflict(inner);

    private static void RequireEvents(IReadOnlyList<object> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("At least one event is needed.", nameof(events));
        }
    }
}
