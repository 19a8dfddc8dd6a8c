using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Persistence.Durability.ScheduledMessageManagement;

namespace Aims.Host.Messaging;

/// <summary>
/// What administrators need to run the scheduler (ADR 0041, 0047): upcoming reminders, emails just sent, dead letters to
/// retry or discard, through Wolverine's storage API.
/// </summary>
internal sealed class MessageOperations(DbSession session, IMessageStore store) : IMessageOperations
{
    /// <summary>
    /// Keyed scheduled messages, soonest first, optionally only keys starting with <paramref name="keyPrefix"/>. The key says
    /// which envelope is current; Wolverine's scheduled-message API says it is still waiting.
    /// </summary>
    public async Task<IReadOnlyList<MessageSummary>> UpcomingAsync(int limit, string? keyPrefix, CancellationToken cancellationToken)
    {
        await using var query = await session.CommandAsync(
            "SELECT envelope_id, message_type, key, due_at FROM messaging.scheduled WHERE starts_with(key, @prefix) ORDER BY due_at, key LIMIT @limit",
            cancellationToken);
        query.Parameters.AddWithValue("prefix", keyPrefix ?? "");
        query.Parameters.AddWithValue("limit", limit);
        var keyed = new List<MessageSummary>();
        await using (var row = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await row.ReadAsync(cancellationToken))
            {
                keyed.Add(new MessageSummary(row.GetGuid(0), ShortName(row.GetString(1)), row.GetString(2), row.GetFieldValue<DateTimeOffset>(3), 0, null, null, null, null));
            }
        }

        if (keyed.Count == 0)
        {
            return keyed;
        }

        var waiting = await store.ScheduledMessages.QueryAsync(
            new ScheduledMessageQuery { MessageIds = keyed.Select(m => m.Id).ToArray(), PageSize = limit }, cancellationToken);
        var ids = waiting.Messages.Select(m => m.Id).ToHashSet();
        return keyed.Where(m => ids.Contains(m.Id)).ToList();
    }

    /// <summary>
    /// Dead letters, newest first (events, reminders, emails, texts), with their error; whom an email or text was for is
    /// the Notifications module's record (ADR 0051).
    /// </summary>
    public async Task<IReadOnlyList<MessageSummary>> DeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        var wolverine = await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = limit, Replayable = false }, cancellationToken);
        return wolverine.Envelopes
            .Select(d => new MessageSummary(
                d.Id, ShortName(d.MessageType), d.Envelope.Headers.GetValueOrDefault(ScheduledWork.KeyHeader), d.ExecutionTime ?? d.SentAt,
                d.Envelope.Attempts, $"{d.ExceptionType}: {d.ExceptionMessage}", d.SentAt, null, null))
            .ToList();
    }

    /// <summary>Sends a dead letter again now, from its first attempt; false when it is no longer a dead letter.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.DeadLetters.DeadLetterEnvelopeByIdAsync(id) is not { Replayable: false })
        {
            return false;
        }

        // Wolverine's durability agent moves a replayable dead letter back to its queue.
        await store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([id]), cancellationToken);
        return true;
    }

    /// <summary>Cancels an upcoming scheduled message or discards a dead letter; false when it was already delivered or cancelled.</summary>
    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var forget = await session.CommandAsync("DELETE FROM messaging.scheduled WHERE envelope_id = @id", cancellationToken);
        forget.Parameters.AddWithValue("id", id);
        if (await forget.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            // No longer current for its key, so it would be dropped even if it fired; cancelled so it does not.
            await store.ScheduledMessages.CancelAsync(new ScheduledMessageQuery { MessageIds = [id] }, cancellationToken);
            return true;
        }

        if (await store.DeadLetters.DeadLetterEnvelopeByIdAsync(id) is null)
        {
            return false;
        }

        await store.DeadLetters.DiscardAsync(new DeadLetterEnvelopeQuery([id]), cancellationToken);
        return true;
    }

    private static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..].Replace("+", ".", StringComparison.Ordinal);
}
