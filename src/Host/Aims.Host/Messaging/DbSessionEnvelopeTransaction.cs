using Aims.BuildingBlocks.Persistence;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.RDBMS;
using Wolverine.Transports;

namespace Aims.Host.Messaging;

/// <summary>
/// The seam between Wolverine's outbox and the unit of work (ADR 0035): envelopes are written by Wolverine's message store
/// inside the scope's shared transaction, so they commit or roll back with the change that caused them.
/// </summary>
internal sealed class DbSessionEnvelopeTransaction(DbSession session, IMessageDatabase database, bool deliverHere) : IEnvelopeTransaction
{
    public Task PersistOutgoingAsync(Envelope envelope) => PersistOutgoingAsync([envelope]);

    public Task PersistOutgoingAsync(Envelope[] envelopes) =>
        envelopes.Length == 0 ? Task.CompletedTask : database.StoreOutgoingAsync(session.RequireTransaction("Sending a message"), envelopes);

    /// <summary>The envelope stored last: the scheduled message just published, whose id its key then points to.</summary>
    public Envelope? LastStored { get; private set; }

    public Task PersistIncomingAsync(Envelope envelope)
    {
        LastStored = envelope;
        if (!deliverHere)
        {
            // Nobody in this process will take it from memory: leave it to whichever node recovers unowned envelopes.
            envelope.OwnerId = TransportConstants.AnyNode;
        }

        return database.StoreIncomingAsync(session.RequireTransaction("Publishing a message"), [envelope]);
    }

    // The unit of work owns the transaction and decides its end; Wolverine discarding its envelopes changes nothing here.
    public ValueTask RollbackAsync() => ValueTask.CompletedTask;

    public Task<bool> TryMakeEagerIdempotencyCheckAsync(Envelope envelope, DurabilitySettings settings, CancellationToken cancellation) =>
        Task.FromResult(true);
}
