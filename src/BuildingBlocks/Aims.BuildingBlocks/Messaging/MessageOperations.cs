using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Persistence;
using Npgsql;

namespace Aims.BuildingBlocks.Messaging;

/// <summary>A message as operators see it; for an email, who it is to and its subject.</summary>
public sealed record MessageSummary(
    Guid Id, string Type, string? Key, DateTimeOffset DueAt, int Attempts, string? LastError, DateTimeOffset? CompletedAt, string? EmailTo, string? EmailSubject);

/// <summary>
/// What administrators need to run the scheduler: the reminders coming up, the emails just sent, and the dead letters
/// with their errors, which they retry (after fixing the cause) or cancel.
/// </summary>
public sealed class MessageOperations(DbSession session, TimeProvider time)
{
    private static readonly string EmailType = MessageTypeRegistry.NameOf(typeof(SendEmail));

    private const string Columns = "id, type, key, due_at, attempts, last_error, completed_at, payload->>'to', payload->>'subject'";

    /// <summary>Scheduled messages with a key (reminders and checks), soonest first; only keys starting with <paramref name="keyPrefix"/> when given (one appeal's: "appeal:{id}:").</summary>
    public Task<IReadOnlyList<MessageSummary>> UpcomingAsync(int limit, string? keyPrefix, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM messaging.messages WHERE status = 0 AND key IS NOT NULL AND starts_with(key, @prefix) ORDER BY due_at LIMIT @limit",
            limit,
            keyPrefix ?? "",
            cancellationToken);

    public Task<IReadOnlyList<MessageSummary>> RecentEmailsAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM messaging.messages WHERE status = 1 AND type = @email ORDER BY completed_at DESC LIMIT @limit", limit, keyPrefix: "", cancellationToken);

    public Task<IReadOnlyList<MessageSummary>> DeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM messaging.messages WHERE status = 2 ORDER BY completed_at DESC LIMIT @limit", limit, keyPrefix: "", cancellationToken);

    /// <summary>Sends a dead letter again now, from its first attempt; false when it is not dead or its key is taken again.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var update = await session.CommandAsync(
            """
            UPDATE messaging.messages m SET status = 0, attempts = 0, due_at = @now, last_error = NULL, completed_at = NULL, locked_until = NULL, locked_by = NULL
            WHERE id = @id AND status = 2
              AND (key IS NULL OR NOT EXISTS (SELECT 1 FROM messaging.messages p WHERE p.key = m.key AND p.status = 0))
            """,
            cancellationToken);
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("now", time.GetUtcNow());
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Cancels a pending or dead message; false when it was already delivered or cancelled.</summary>
    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var update = await session.CommandAsync(
            "UPDATE messaging.messages SET status = 3, completed_at = @now, locked_until = NULL WHERE id = @id AND status IN (0, 2)", cancellationToken);
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("now", time.GetUtcNow());
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<IReadOnlyList<MessageSummary>> QueryAsync(string sql, int limit, string keyPrefix, CancellationToken cancellationToken)
    {
        await using var query = await session.CommandAsync(sql, cancellationToken);
        query.Parameters.AddWithValue("limit", limit);
        query.Parameters.AddWithValue("email", EmailType);
        query.Parameters.AddWithValue("prefix", keyPrefix);
        var messages = new List<MessageSummary>();
        await using var row = await query.ExecuteReaderAsync(cancellationToken);
        while (await row.ReadAsync(cancellationToken))
        {
            messages.Add(new MessageSummary(
                row.GetGuid(0), ShortName(row.GetString(1)), Text(row, 2), row.GetFieldValue<DateTimeOffset>(3), row.GetInt32(4), Text(row, 5),
                row.IsDBNull(6) ? null : row.GetFieldValue<DateTimeOffset>(6), Text(row, 7), Text(row, 8)));
        }

        return messages;
    }

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    private static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..];
}
