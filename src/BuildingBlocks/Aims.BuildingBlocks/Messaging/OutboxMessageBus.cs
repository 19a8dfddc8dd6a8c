using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Microsoft.Extensions.Options;
using NpgsqlTypes;
using Wolverine;
using Wolverine.RDBMS;
using Wolverine.Runtime;

namespace Aims.BuildingBlocks.Messaging;

internal sealed class OutboxMessageBus(
    DbSession session, OperationContext operation, TimeProvider time, MessageTypeRegistry registry,
    IMessageContext wolverine, IOptions<MessagingOptions> options)
    : IMessageBus
{
    private Npgsql.NpgsqlTransaction? enlistedIn;

    private const string InsertSql =
        $"""
        INSERT INTO messaging.messages (id, type, payload, key, due_at, correlation_id, causation_id, actor, created_at)
        VALUES (@id, @type, @payload, @key, @due, @correlation, @causation, @actor, @now)
        ON CONFLICT (key) WHERE status = 0 DO UPDATE SET
            type = EXCLUDED.type, payload = EXCLUDED.payload, due_at = EXCLUDED.due_at, attempts = 0,
            locked_until = NULL, locked_by = NULL, last_error = NULL,
            correlation_id = EXCLUDED.correlation_id, causation_id = EXCLUDED.causation_id, actor = EXCLUDED.actor;
        SELECT pg_notify('{MessagePump.WakeChannel}', '');
        """;

    /// <summary>
    /// Through Wolverine's outbox in the unit of work's transaction: one envelope per receiver, on the durable local
    /// queue, so each receiver runs (and fails, and retries) on its own.
    /// </summary>
    public async Task PublishAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        session.RequireTransaction("Publishing a message");
        var context = (MessageContext)wolverine;
        if (!ReferenceEquals(enlistedIn, session.Transaction))
        {
            if (!context.TryFindMessageDatabase(out var database))
            {
                throw new InvalidOperationException("Wolverine has no PostgreSQL message store.");
            }

            var deliverHere = options.Value.DeliverEvents;
            await context.EnlistInOutboxAsync(new DbSessionEnvelopeTransaction(session, database!, deliverHere));
            session.AfterCommit(
                async () =>
                {
                    enlistedIn = null;
                    if (deliverHere)
                    {
                        await context.FlushOutgoingMessagesAsync();
                    }
                },
                async () =>
                {
                    // Envelopes of a rolled-back transaction were never stored: drop them rather than send them later.
                    enlistedIn = null;
                    await context.ClearAllAsync();
                });
            enlistedIn = session.Transaction;
        }

        context.CorrelationId = operation.CorrelationId;
        foreach (var receiver in registry.ReceiversOf(integrationEvent.GetType()))
        {
            var delivery = new DeliveryOptions().WithHeader(ReceiverDispatch.ReceiverHeader, receiver);
            if (operation.ActorId is { } actor)
            {
                delivery.WithHeader(ReceiverDispatch.ActorHeader, actor);
            }

            await context.PublishAsync(integrationEvent, delivery);
        }
    }

    public Task ScheduleAsync(IMessage message, DateTimeOffset dueAt, string? key = null, CancellationToken cancellationToken = default) =>
        WriteAsync(message, dueAt, key, cancellationToken);

    public async Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default)
    {
        session.RequireTransaction("Cancelling a message");
        await using var command = await session.CommandAsync(
            "UPDATE messaging.messages SET status = 3, completed_at = @now, locked_until = NULL WHERE key = @key AND status = 0",
            cancellationToken);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task WriteAsync(IMessage message, DateTimeOffset dueAt, string? key, CancellationToken cancellationToken)
    {
        session.RequireTransaction("Publishing a message");
        var payload = registry.Serialize(message, out var typeName);
        await using var command = await session.CommandAsync(InsertSql, cancellationToken);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("type", typeName);
        command.Parameters.AddWithValue("payload", NpgsqlDbType.Jsonb, payload);
        command.Parameters.AddWithValue("key", (object?)key ?? DBNull.Value);
        command.Parameters.AddWithValue("due", dueAt.ToUniversalTime());
        command.Parameters.AddWithValue("correlation", operation.CorrelationId);
        command.Parameters.AddWithValue("causation", (object?)operation.CausationId ?? DBNull.Value);
        command.Parameters.AddWithValue("actor", (object?)operation.ActorId ?? DBNull.Value);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
