using System.Text.Json;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine;
using Wolverine.RDBMS;
using Wolverine.Runtime;
using Wolverine.Transports;
using IMessage = Aims.BuildingBlocks.Messaging.IMessage;

namespace Aims.Host.Messaging;

/// <summary>
/// Hands what a previous version left in the retired stand-in (ADR 0002) to Wolverine at migrate time, then drops the
/// stand-in's tables, in one transaction (ADR 0050): a second run finds no table and does nothing.
/// </summary>
internal sealed class StandInHandOver(
    NpgsqlDataSource dataSource, IServiceProvider services, MessageTypeRegistry registry, TimeProvider time, ILogger<StandInHandOver> logger)
    : ISchemaStep
{
    private const string Fix = "delete that row (or let the version that wrote it send it first), then start again. No message was moved.";

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using (var exists = dataSource.CreateCommand("SELECT to_regclass('messaging.messages') IS NOT NULL"))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
        }

        // A previous version's database may not have Wolverine's tables yet (the host builds them when it starts).
        var wolverine = services.GetRequiredService<IWolverineRuntime>();
        var database = wolverine.Storage as IMessageDatabase ?? throw new InvalidOperationException("Wolverine has no PostgreSQL message store.");
        await database.Admin.MigrateAsync();

        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(cancellationToken);
        var waiting = new List<Envelope>();
        var dead = new List<(Envelope Envelope, string Error)>();
        foreach (var row in await LeftOverAsync(session, cancellationToken))
        {
            foreach (var envelope in await HandOverAsync(session, wolverine, row, cancellationToken))
            {
                if (row.DeadLettered)
                {
                    dead.Add((envelope, row.LastError ?? "dead-lettered by the stand-in"));
                }
                else
                {
                    waiting.Add(envelope);
                }
            }
        }

        var transaction = session.RequireTransaction("Handing the stand-in's messages over");
        if (waiting.Count > 0)
        {
            await database.StoreIncomingAsync(transaction, waiting.ToArray());
        }

        if (dead.Count > 0)
        {
            // Wolverine's own statement for a dead letter, run in this transaction; the operations page lists them with the rest.
            var builder = new Weasel.Core.DbCommandBuilder(session.Connection);
            foreach (var (envelope, error) in dead)
            {
                DatabasePersistence.ConfigureDeadLetterCommands(wolverine.Options.Durability, envelope, new StandInDeadLetterException(error), builder, database);
            }

            await using var insert = builder.Compile();
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var drop = await session.CommandAsync("DROP TABLE messaging.inbox; DROP TABLE messaging.messages", cancellationToken))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Handed {Waiting} waiting message(s) and {Dead} dead letter(s) of the retired stand-in over to Wolverine and dropped its tables", waiting.Count, dead.Count);
        return waiting.Count + dead.Count;
    }

    /// <summary>One envelope per receiver the stand-in's inbox does not record as done; a keyed one becomes current for its key.</summary>
    private async Task<List<Envelope>> HandOverAsync(DbSession session, IWolverineRuntime wolverine, LeftOver row, CancellationToken cancellationToken)
    {
        var message = Read(row);
        if (row.Key is not null && !row.DeadLettered && await ScheduledKeys.HasAsync(session, row.Key, cancellationToken))
        {
            // Wolverine already holds a later plan for this key: the stand-in's is stale.
            return [];
        }

        var receivers = registry.ReceiversOf(message.GetType()).Except(row.Handled.Select(MessageTypeRegistry.CurrentName), StringComparer.Ordinal).ToList();
        if (row.Key is not null && receivers.Count > 1)
        {
            throw new StartupException($"The keyed message {row.Id} ({row.Type}) left by the retired stand-in has {receivers.Count} receivers, not one: {Fix}");
        }

        var delay = row.DueAt - time.GetUtcNow();
        var envelopes = receivers.Select(receiver => NewEnvelope(wolverine, message, receiver, row, delay)).ToList();
        if (row.Key is not null && !row.DeadLettered && envelopes is [var keyed])
        {
            await ScheduledKeys.ReplaceAsync(session, row.Key, keyed.Id, MessageTypeRegistry.CurrentName(row.Type), registry.Serialize(message, out _), row.DueAt, cancellationToken);
        }

        return envelopes;
    }

    private IMessage Read(LeftOver row)
    {
        try
        {
            return registry.Deserialize(row.Type, row.Payload)
                ?? throw new StartupException($"The message {row.Id} left by the retired stand-in is a {row.Type}, which this version does not know: {Fix}");
        }
        catch (JsonException exception)
        {
            throw new StartupException($"The message {row.Id} ({row.Type}) left by the retired stand-in cannot be read ({exception.Message}): {Fix}", exception);
        }
    }

    // As WolverineOutbox writes one (receiver, actor, key and due headers; its queue; the delay on Wolverine's clock), but
    // owned by no node: whichever recovers unowned envelopes runs it, since `migrate` runs none.
    private static Envelope NewEnvelope(IWolverineRuntime wolverine, IMessage message, string receiver, LeftOver row, TimeSpan delay)
    {
        var later = row.Scheduled && !row.DeadLettered && delay > TimeSpan.Zero;
        var queue = message is IOutsideDelivery ? MessagingServiceCollectionExtensions.SendingQueue : MessagingServiceCollectionExtensions.EventQueue;
        var envelope = new Envelope(message)
        {
            Id = Guid.CreateVersion7(),
            Destination = new Uri($"local://{queue}"),
            Serializer = wolverine.Options.DefaultSerializer,
            ContentType = wolverine.Options.DefaultSerializer.ContentType,
            CorrelationId = row.CorrelationId,
            OwnerId = TransportConstants.AnyNode,
            Status = later ? EnvelopeStatus.Scheduled : EnvelopeStatus.Incoming,
            ScheduledTime = later ? DateTimeOffset.UtcNow + delay : null,
        };
        envelope.Headers[ReceiverDispatch.ReceiverHeader] = receiver;
        if (row.Actor is not null)
        {
            envelope.Headers[ReceiverDispatch.ActorHeader] = row.Actor;
        }

        if (row.Scheduled)
        {
            envelope.Headers[ScheduledWork.DueHeader] = row.DueAt.ToUniversalTime().ToString("O");
        }

        if (row.Key is not null)
        {
            envelope.Headers[ScheduledWork.KeyHeader] = row.Key;
        }

        return envelope;
    }

    // Waiting is status 0 and dead-lettered 2 (delivered 1 and cancelled 3 are history); a row due after it was written,
    // or keyed, was scheduled, the rest were sent "now".
    private static async Task<List<LeftOver>> LeftOverAsync(DbSession session, CancellationToken cancellationToken)
    {
        await using var query = await session.CommandAsync(
            """
            SELECT m.id, m.type, m.payload::text, m.key, m.due_at, m.key IS NOT NULL OR m.due_at > m.created_at, m.correlation_id, m.actor,
                   ARRAY(SELECT i.handler FROM messaging.inbox i WHERE i.message_id = m.id), m.status = 2, split_part(m.last_error, E'\n', 1)
            FROM messaging.messages m WHERE m.status IN (0, 2) ORDER BY m.due_at, m.created_at, m.id FOR UPDATE
            """,
            cancellationToken);
        var rows = new List<LeftOver>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LeftOver(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetBoolean(5), Text(reader, 6), Text(reader, 7), reader.GetFieldValue<string[]>(8), reader.GetBoolean(9), Text(reader, 10)));
        }

        return rows;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed record LeftOver(
        Guid Id, string Type, string Payload, string? Key, DateTimeOffset DueAt, bool Scheduled, string? CorrelationId, string? Actor,
        string[] Handled, bool DeadLettered, string? LastError);

    /// <summary>The error a dead letter of the stand-in was left with (its first line), as Wolverine's dead letters show it.</summary>
    private sealed class StandInDeadLetterException(string message) : Exception(message);
}
