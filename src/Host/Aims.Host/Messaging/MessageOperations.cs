using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Microsoft.Extensions.Options;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Persistence.Durability.ScheduledMessageManagement;
using Wolverine.Runtime.Serialization;

namespace Aims.Host.Messaging;

/// <summary>
/// What administrators need to run the scheduler (ADR 0041, 0047): upcoming reminders, scheduled retries and dead letters
/// to retry or discard, through Wolverine's storage API.
/// </summary>
internal sealed class MessageOperations(DbSession session, IMessageStore store, IOptions<MessagingOptions> messaging) : IMessageOperations
{
    private const int PageSize = 500;

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

    /// <summary>
    /// Scheduled retries: envelopes Wolverine holds as scheduled after an attempt (a first-time scheduled message has none).
    /// A retry is never further off than the longest retry delay, so reminders planned beyond that are not read.
    /// </summary>
    public async Task<IReadOnlyList<MessageSummary>> RetriesAsync(int limit, CancellationToken cancellationToken)
    {
        var query = new ScheduledMessageQuery { ExecutionTimeTo = DateTimeOffset.UtcNow + messaging.Value.RetryDelays().Max() + TimeSpan.FromMinutes(1), PageSize = PageSize };
        var retries = new List<ScheduledMessageSummary>();
        while (true)
        {
            var page = await store.ScheduledMessages.QueryAsync(query, cancellationToken);
            retries.AddRange(page.Messages.Where(m => m.Attempts > 0));
            if (retries.Count >= limit || page.Messages.Count < PageSize)
            {
                break;
            }

            query.PageNumber++;
        }

        var headers = await HeadersAsync(retries.Take(limit).Select(r => r.Id).ToArray(), cancellationToken);
        return retries.Take(limit)
            .Select(r => new MessageSummary(
                r.Id, ShortName(r.MessageType ?? ""), headers.GetValueOrDefault(r.Id)?.GetValueOrDefault(ScheduledWork.KeyHeader),
                r.ScheduledTime ?? DateTimeOffset.UtcNow, r.Attempts, null, null, null, null)
            {
                Receiver = headers.GetValueOrDefault(r.Id)?.GetValueOrDefault(ReceiverDispatch.ReceiverHeader) is { } receiver ? ShortName(receiver) : null,
            })
            .ToList();
    }

    /// <summary>Makes a scheduled retry due now (Wolverine's next poll runs it), its attempts kept; false when it no longer waits.</summary>
    public async Task<bool> RetryNowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await IsScheduledRetryAsync(id, cancellationToken))
        {
            return false;
        }

        await store.ScheduledMessages.RescheduleAsync(id, DateTimeOffset.UtcNow, cancellationToken);
        return true;
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

    /// <summary>
    /// Cancels an upcoming scheduled message, discards a scheduled retry or a dead letter; false when it was already delivered
    /// or cancelled. A keyed one is forgotten by its key first, so it is dropped even if it fires before Wolverine cancels it.
    /// </summary>
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

        if (await IsScheduledRetryAsync(id, cancellationToken))
        {
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

    private async Task<bool> IsScheduledRetryAsync(Guid id, CancellationToken cancellationToken) =>
        (await store.ScheduledMessages.QueryAsync(new ScheduledMessageQuery { MessageIds = [id] }, cancellationToken)).Messages.Any(m => m.Attempts > 0);

    /// <summary>
    /// The headers (receiver, key) of these envelopes, read from their stored bodies by id: Wolverine's scheduled-message API
    /// gives no headers, and loading every incoming envelope (its admin API) to find a few would read every reminder.
    /// </summary>
    private async Task<Dictionary<Guid, Dictionary<string, string?>>> HeadersAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<Guid, Dictionary<string, string?>>();
        if (ids.Length == 0)
        {
            return headers;
        }

        await using var query = await session.CommandAsync(
            $"SELECT id, body FROM {MessagingServiceCollectionExtensions.WolverineSchema}.wolverine_incoming_envelopes WHERE id = ANY(@ids)", cancellationToken);
        query.Parameters.AddWithValue("ids", ids);
        await using var row = await query.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            headers[row.GetGuid(0)] = EnvelopeSerializer.Deserialize(row.GetFieldValue<byte[]>(1)).Headers;
        }

        return headers;
    }

    private static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..].Replace("+", ".", StringComparison.Ordinal);
}
