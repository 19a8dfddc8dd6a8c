using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using System.Runtime.CompilerServices;

namespace Aims.Appeals.Persistence;

/// <summary>
/// A module's Marten event streams, written on the unit of work's transaction (ADR 0004, ADR 0034) so events, projections,
/// EF rows and outbox commit together. A stale version is a <see cref="ConcurrencyException"/> (409, "reload").
/// </summary>
internal sealed class EventStreams(IDocumentStore store, DbSession db, OperationContext operation) : IAsyncDisposable, IDisposable
{
    // The writing session → what it has read of each stream, so an inline projection folds from the events in hand
    // instead of reading the stream again before every append (ADR 0036).
    private static readonly ConditionalWeakTable<IDocumentOperations, Dictionary<Guid, IReadOnlyList<IEvent>>> InHandBySession = new();

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
        InHandBySession.GetOrCreateValue(session)[streamId] = [];
        await SaveAsync(session, streamId, starting: true, cancellationToken);
    }

    /// <summary>Appends after <paramref name="expectedVersion"/> (the version the caller read); returns the new version.</summary>
    public async Task<long> AppendAsync(Guid streamId, long expectedVersion, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        RequireEvents(events);
        var session = Writer("Appending events");
        // Marten's expected version is the stream's version once these events are in.
        session.Events.Append(streamId, expectedVersion + events.Count, events);
        // Events read at another version than the one appended after are not what the append follows on from (the
        // append fails as stale anyway); the projection must not fold them.
        if (InHandBySession.TryGetValue(session, out var streams) && streams.TryGetValue(streamId, out var stored) && stored.Count != expectedVersion)
        {
            streams.Remove(streamId);
        }
        await SaveAsync(session, streamId, starting: false, cancellationToken);
        return expectedVersion + events.Count;
    }

    /// <summary>
    /// The stream's events in order, with Marten's metadata (time, version, actor, correlation and causation). Inside a
    /// unit of work they are kept in hand for the inline projections of the next append (<see cref="InHand"/>).
    /// </summary>
    public async Task<IReadOnlyList<IEvent>> ReadAsync(Guid streamId, CancellationToken cancellationToken)
    {
        var session = await ReaderAsync(cancellationToken);
        var events = await session.Events.FetchStreamAsync(streamId, token: cancellationToken);
        if (session is IDocumentSession writing)
        {
            InHandBySession.GetOrCreateValue(writing)[streamId] = events;
        }

        return events;
    }

    /// <summary>
    /// For an inline projection: the events of <paramref name="streamId"/> already stored, when the writing session has them
    /// in hand; null when it does not know (the projection then reads the stream itself).
    /// </summary>
    public static IReadOnlyList<IEvent>? InHand(IDocumentOperations session, Guid streamId) =>
        InHandBySession.TryGetValue(session, out var streams) && streams.TryGetValue(streamId, out var stored) ? stored : null;

    /// <summary>
    /// The unit of work's Marten session, for a module's documents (ADR 0036): what is stored or deleted on it is saved
    /// with the next append or <c>SaveChangesAsync</c>, in the unit of work's transaction.
    /// </summary>
    public IDocumentSession Documents => Writer("Writing documents");

    /// <summary>A session to read a module's documents with: inside a unit of work the writing one.</summary>
    public Task<IQuerySession> QueryAsync(CancellationToken cancellationToken) => ReaderAsync(cancellationToken);

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
            await SaveChangesAsync(session, streamId, starting, cancellationToken);
        }
        finally
        {
            // What was in hand is one version behind now (or the save failed): the next append reads afresh.
            if (InHandBySession.TryGetValue(session, out var streams))
            {
                streams.Remove(streamId);
            }
        }
    }

    private async Task SaveChangesAsync(IDocumentSession session, Guid streamId, bool starting, CancellationToken cancellationToken)
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
