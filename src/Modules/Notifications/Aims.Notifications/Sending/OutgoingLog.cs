using System.Text.Json;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using NpgsqlTypes;

namespace Aims.Notifications.Sending;

/// <summary>
/// AIMS's record of each email and text it queued (ADR 0047, 0051), written with the envelope in the caller's transaction
/// and stamped sent in the sender's: the operations page reads what was sent and a dead letter's recipient from here.
/// </summary>
internal sealed class OutgoingLog(DbSession session, TimeProvider time)
{
    public const string Email = "email";
    public const string Text = "text";

    public async Task QueuedAsync(
        string messageId, string kind, string to, string? subject, IOutsideDelivery message, Guid envelopeId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            """
            INSERT INTO notifications.outgoing (message_id, kind, recipient, subject, payload, envelope_id, queued_at)
            VALUES (@id, @kind, @to, @subject, @payload, @envelope, @now)
            """,
            cancellationToken);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("subject", (object?)subject ?? DBNull.Value);
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(message, message.GetType(), JsonSerializerOptions.Web));
        command.Parameters.AddWithValue("envelope", envelopeId);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>In the sending handler's transaction: a send whose record fails to commit is sent again (at least once).</summary>
    public async Task SentAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            "UPDATE notifications.outgoing SET sent_at = @now WHERE message_id = @id", cancellationToken);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest emails sent, newest first.</summary>
    public async Task<IReadOnlyList<MessageSummary>> RecentEmailsAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync("kind = 'email' AND sent_at IS NOT NULL ORDER BY sent_at DESC, written DESC LIMIT @limit", ("limit", limit), cancellationToken);

    /// <summary>What was queued under these Wolverine envelopes (a dead letter's recipient and subject).</summary>
    public async Task<IReadOnlyDictionary<Guid, MessageSummary>> ByEnvelopeAsync(IReadOnlyCollection<Guid> envelopeIds, CancellationToken cancellationToken) =>
        envelopeIds.Count == 0
            ? new Dictionary<Guid, MessageSummary>()
            : (await QueryAsync("envelope_id = ANY(@ids)", ("ids", envelopeIds.ToArray()), cancellationToken)).ToDictionary(m => m.Id);

    private async Task<IReadOnlyList<MessageSummary>> QueryAsync(string where, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        await using var query = await session.CommandAsync(
            $"SELECT envelope_id, kind, queued_at, sent_at, recipient, subject FROM notifications.outgoing WHERE {where}", cancellationToken);
        query.Parameters.AddWithValue(parameter.Name, parameter.Value);
        var messages = new List<MessageSummary>();
        await using var row = await query.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            messages.Add(new MessageSummary(
                row.GetGuid(0), row.GetString(1) == Email ? "SendEmail" : "SendTextMessage", null, row.GetFieldValue<DateTimeOffset>(2), 0, null,
                row.IsDBNull(3) ? null : row.GetFieldValue<DateTimeOffset>(3), row.GetString(4), row.IsDBNull(5) ? null : row.GetString(5)));
        }

        return messages;
    }
}
