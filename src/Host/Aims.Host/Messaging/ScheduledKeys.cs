using Aims.BuildingBlocks.Persistence;

namespace Aims.Host.Messaging;

/// <summary>
/// Which Wolverine scheduled envelope is current for a key (ADR 0041). Wolverine has no keys: a replaced envelope that fires
/// before its after-commit cancel is not current here and is dropped.
/// </summary>
internal static class ScheduledKeys
{
    public static async Task<bool> IsUnchangedAsync(
        DbSession session, string key, string type, string message, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            "SELECT 1 FROM messaging.scheduled WHERE key = @key AND message_type = @type AND message = @message AND due_at = @due", cancellationToken);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("message", message);
        command.Parameters.AddWithValue("due", dueAt.ToUniversalTime());
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Makes <paramref name="envelopeId"/> current for the key; returns the envelope it replaced, if any.</summary>
    public static async Task<Guid?> ReplaceAsync(
        DbSession session, string key, Guid envelopeId, string type, string message, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var previous = await RemoveAsync(session, key, cancellationToken);
        await using var command = await session.CommandAsync(
            "INSERT INTO messaging.scheduled (key, envelope_id, message_type, message, due_at) VALUES (@key, @id, @type, @message, @due)",
            cancellationToken);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("id", envelopeId);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("message", message);
        command.Parameters.AddWithValue("due", dueAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return previous;
    }

    /// <summary>Forgets the key; returns the envelope that was current for it, or null when none was.</summary>
    public static async Task<Guid?> RemoveAsync(DbSession session, string key, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync("DELETE FROM messaging.scheduled WHERE key = @key RETURNING envelope_id", cancellationToken);
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }

    /// <summary>Whether some envelope is current for the key.</summary>
    public static async Task<bool> HasAsync(DbSession session, string key, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync("SELECT 1 FROM messaging.scheduled WHERE key = @key", cancellationToken);
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>
    /// On delivery, in the receiver's transaction: true (and the key forgotten) when the envelope is still current, false
    /// when a later schedule replaced it or a cancel removed it.
    /// </summary>
    public static async Task<bool> TakeAsync(DbSession session, string key, Guid envelopeId, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync("DELETE FROM messaging.scheduled WHERE key = @key AND envelope_id = @id", cancellationToken);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("id", envelopeId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
