using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using NpgsqlTypes;

namespace Aims.BuildingBlocks.Messaging;

/// <summary>
/// Emails and text messages still travel through the stand-in table and <see cref="MessagePump"/> (ADR 0002); every
/// other scheduled message is Wolverine's (ADR 0041). Written in the unit of work's transaction, sent after commit.
/// </summary>
internal sealed class StandInQueue(DbSession session, OperationContext operation, TimeProvider time, MessageTypeRegistry registry)
{
    private const string InsertSql =
        $"""
        INSERT INTO messaging.messages (id, type, payload, due_at, correlation_id, causation_id, actor, created_at)
        VALUES (@id, @type, @payload, @now, @correlation, @causation, @actor, @now);
        SELECT pg_notify('{MessagePump.WakeChannel}', '');
        """;

    public async Task QueueAsync(IMessage message, CancellationToken cancellationToken)
    {
        session.RequireTransaction("Queueing a message");
        var payload = registry.Serialize(message, out var typeName);
        await using var command = await session.CommandAsync(InsertSql, cancellationToken);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("type", typeName);
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, payload);
        command.Parameters.AddWithValue("correlation", operation.CorrelationId);
        command.Parameters.AddWithValue("causation", (object?)operation.CausationId ?? DBNull.Value);
        command.Parameters.AddWithValue("actor", (object?)operation.ActorId ?? DBNull.Value);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
