using System.Collections.Concurrent;
using System.Reflection;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Aims.BuildingBlocks.Messaging;

/// <summary>
/// Claims due messages with FOR UPDATE SKIP LOCKED and a lease, so hosts share the work and a crashed host's claims come back;
/// each handler's delivery is recorded in the inbox in its own transaction, so a redelivery skips handlers that committed.
/// </summary>
internal sealed class MessagePump(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    MessageTypeRegistry registry,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<MessagePump> logger)
{
    public const string WakeChannel = "aims_messages";

    private const string ClaimSql =
        """
        WITH due AS (
            SELECT id FROM messaging.messages
            WHERE status = 0 AND due_at <= @now AND (locked_until IS NULL OR locked_until < @now)
            ORDER BY due_at
            LIMIT @batch
            FOR UPDATE SKIP LOCKED)
        UPDATE messaging.messages m
        SET locked_until = @lease_end, locked_by = @owner, attempts = m.attempts + 1
        FROM due WHERE m.id = due.id
        RETURNING m.id, m.type, m.payload::text, m.attempts, m.correlation_id, m.actor
        """;

    private static readonly MethodInfo InvokeMethod =
        typeof(MessagePump).GetMethod(nameof(InvokeHandler), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Func<object, object, CancellationToken, Task>> Invokers = new();

    private readonly ConcurrentDictionary<Type, Type[]> handlerTypes = new();

    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private MessagingOptions Options => options.Value;

    /// <summary>Claims one batch of due messages and delivers it; returns how many were claimed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        // Messages are independent (each handler has its own transaction and inbox row), so a batch is delivered
        // in parallel; order between messages was never promised.
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = Options.DeliveryParallelism, CancellationToken = cancellationToken },
            async (message, token) => await DeliverAsync(message, token));
        return claimed.Count;
    }

    private async Task<List<ClaimedMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_end", now + Options.Lease);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("batch", Options.BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedMessage(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return claimed;
    }

    private async Task DeliverAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        using var logScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["CorrelationId"] = message.CorrelationId,
            ["MessageId"] = message.Id,
            ["MessageType"] = message.Type,
        });
        try
        {
            var payload = registry.Deserialize(message.Type, message.Payload);
            foreach (var handlerType in HandlerTypes(payload.GetType()))
            {
                await DeliverToHandlerAsync(message, payload, handlerType, cancellationToken);
            }

            await FinishAsync(message, error: null, deadLetter: false, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var deadLetter = exception is UnknownMessageTypeException or System.Text.Json.JsonException or PermanentFailureException
                || message.Attempts >= Options.MaxAttempts;
            logger.Log(deadLetter ? LogLevel.Error : LogLevel.Warning, exception,
                "Delivering {MessageType} failed on attempt {Attempt}{Outcome}", message.Type, message.Attempts,
                deadLetter ? "; dead-lettered" : "; will retry");
            await FinishAsync(message, exception.ToString(), deadLetter, cancellationToken);
        }
    }

    // Registrations do not change while the process runs, so each message type's handlers are looked up once.
    private Type[] HandlerTypes(Type messageType) =>
        handlerTypes.GetOrAdd(messageType, type =>
        {
            using var scope = scopes.CreateScope();
            return scope.ServiceProvider.GetServices(HandlerInterface(type)).Select(handler => handler!.GetType()).ToArray();
        });

    private async Task DeliverToHandlerAsync(ClaimedMessage message, IMessage payload, Type handlerType, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var operation = scope.ServiceProvider.GetRequiredService<OperationContext>();
        operation.CorrelationId = message.CorrelationId ?? operation.CorrelationId;
        operation.CausationId = message.Id.ToString();
        operation.ActorId = message.Actor;

        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(cancellationToken);
        await using var record = await session.CommandAsync(
            "INSERT INTO messaging.inbox (message_id, handler, processed_at) VALUES (@id, @handler, @now) ON CONFLICT DO NOTHING",
            cancellationToken);
        record.Parameters.AddWithValue("id", message.Id);
        record.Parameters.AddWithValue("handler", handlerType.FullName!);
        record.Parameters.AddWithValue("now", time.GetUtcNow());
        if (await record.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await session.RollbackAsync();
            return;
        }

        var handler = scope.ServiceProvider.GetServices(HandlerInterface(payload.GetType())).First(h => h!.GetType() == handlerType)!;
        await Invoker(payload.GetType())(handler, payload, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    private async Task FinishAsync(ClaimedMessage message, string? error, bool deadLetter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sql = error is null
            ? "UPDATE messaging.messages SET status = 1, completed_at = @now, locked_until = NULL, last_error = NULL WHERE id = @id AND locked_by = @owner"
            : deadLetter
                ? "UPDATE messaging.messages SET status = 2, completed_at = @now, locked_until = NULL, last_error = @error WHERE id = @id AND locked_by = @owner"
                : "UPDATE messaging.messages SET due_at = @retry, locked_until = NULL, locked_by = NULL, last_error = @error WHERE id = @id AND locked_by = @owner";
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", message.Id);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("retry", now + Options.RetryDelay(message.Attempts));
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Type HandlerInterface(Type messageType) => typeof(INotificationHandler<>).MakeGenericType(messageType);

    private static Func<object, object, CancellationToken, Task> Invoker(Type messageType) =>
        Invokers.GetOrAdd(messageType, type =>
            InvokeMethod.MakeGenericMethod(type).CreateDelegate<Func<object, object, CancellationToken, Task>>());

    private static Task InvokeHandler<TMessage>(object handler, object message, CancellationToken cancellationToken)
        where TMessage : INotification =>
        ((INotificationHandler<TMessage>)handler).Handle((TMessage)message, cancellationToken);
}
