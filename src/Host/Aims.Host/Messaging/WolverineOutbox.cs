using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Persistence.Durability.ScheduledMessageManagement;
using Wolverine.RDBMS;
using Wolverine.Runtime;
using IMessage = Aims.BuildingBlocks.Messaging.IMessage;

namespace Aims.Host.Messaging;

internal sealed class WolverineOutbox(
    DbSession session, OperationContext operation, TimeProvider time, MessageTypeRegistry registry,
    IWolverineRuntime wolverine, IOptions<MessagingOptions> options)
    : IOutbox
{
    private Npgsql.NpgsqlTransaction? enlistedIn;
    private DbSessionEnvelopeTransaction? outbox;
    private readonly List<Guid> superseded = [];

    // One Wolverine context per transaction: a context sends what it holds once, so a second command in the same scope
    // (a page or the demo seeder sending two) would leave its envelopes stored but never sent from memory.
    private MessageContext? context;

    private MessageContext Context => context ?? throw new InvalidOperationException("Not enlisted in a transaction.");

    /// <summary>
    /// Through Wolverine's outbox in the unit of work's transaction: one envelope per receiver, on the durable local
    /// queue, so each receiver runs (and fails, and retries) on its own.
    /// </summary>
    public async Task PublishAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken = default)
    {
        await EnlistAsync("Publishing a message");
        foreach (var receiver in registry.ReceiversOf(integrationEvent.GetType()))
        {
            await Context.PublishAsync(integrationEvent, Delivery(receiver));
        }
    }

    /// <summary>Through the same outbox as the events, to the one receiver, on the sending queue (ADR 0047).</summary>
    public async Task<Guid> SendAsync(IOutsideDelivery command, CancellationToken cancellationToken = default)
    {
        var receiver = OnlyReceiverOf(command);
        await EnlistAsync("Sending a message");
        await Context.PublishAsync(command, Delivery(receiver));
        return (outbox!.LastStored ?? throw new InvalidOperationException($"Wolverine stored no envelope for {command.GetType().Name}.")).Id;
    }

    /// <summary>
    /// A Wolverine scheduled message in the unit of work's transaction (ADR 0041). Wolverine polls the system clock, AIMS uses
    /// <see cref="TimeProvider"/>: the envelope is due after the same delay and carries the AIMS due time in a header.
    /// </summary>
    public async Task ScheduleAsync(IMessage message, DateTimeOffset dueAt, string? key = null, CancellationToken cancellationToken = default)
    {
        var receiver = OnlyReceiverOf(message);
        await EnlistAsync("Scheduling a message");
        var payload = registry.Serialize(message, out var typeName);
        if (key is not null && await ScheduledKeys.IsUnchangedAsync(session, key, typeName, payload, dueAt, cancellationToken))
        {
            // Reminders are re-planned on every change to an appeal; the same plan must not churn envelopes.
            return;
        }

        var delivery = Delivery(receiver).WithHeader(ScheduledWork.DueHeader, dueAt.ToUniversalTime().ToString("O"));
        var delay = dueAt - time.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            delivery.ScheduledTime = DateTimeOffset.UtcNow + delay;
        }

        if (key is not null)
        {
            delivery.WithHeader(ScheduledWork.KeyHeader, key);
        }

        await Context.PublishAsync(message, delivery);
        if (key is not null)
        {
            var envelope = outbox!.LastStored ?? throw new InvalidOperationException($"Wolverine stored no envelope for {typeName}.");
            if (await ScheduledKeys.ReplaceAsync(session, key, envelope.Id, typeName, payload, dueAt, cancellationToken) is { } previous)
            {
                superseded.Add(previous);
            }
        }
    }

    public async Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default)
    {
        await EnlistAsync("Cancelling a message");
        if (await ScheduledKeys.RemoveAsync(session, key, cancellationToken) is not { } previous)
        {
            return false;
        }

        superseded.Add(previous);
        return true;
    }

    // A command or scheduled message goes to one receiver; two would each run it (two emails, two reminders).
    private string OnlyReceiverOf(IMessage message) =>
        registry.ReceiversOf(message.GetType()) is [var only]
            ? only
            : throw new InvalidOperationException(
                $"A {message.GetType().Name} needs exactly one receiver, not {registry.ReceiversOf(message.GetType()).Count}.");

    private DeliveryOptions Delivery(string receiver)
    {
        var delivery = new DeliveryOptions().WithHeader(ReceiverDispatch.ReceiverHeader, receiver);
        if (operation.ActorId is { } actor)
        {
            delivery.WithHeader(ReceiverDispatch.ActorHeader, actor);
        }

        return delivery;
    }

    private async Task EnlistAsync(string what)
    {
        session.RequireTransaction(what);
        if (ReferenceEquals(enlistedIn, session.Transaction))
        {
            Context.CorrelationId = operation.CorrelationId;
            return;
        }

        var context = this.context = new MessageContext(wolverine) { CorrelationId = operation.CorrelationId };
        if (!context.TryFindMessageDatabase(out var database))
        {
            throw new InvalidOperationException("Wolverine has no PostgreSQL message store.");
        }

        var deliverHere = options.Value.DeliverEvents;
        outbox = new DbSessionEnvelopeTransaction(session, database!, deliverHere);
        await context.EnlistInOutboxAsync(outbox);
        session.AfterCommit(
            async () =>
            {
                enlistedIn = null;
                if (deliverHere)
                {
                    await context.FlushOutgoingMessagesAsync();
                }

                await CancelSupersededAsync(database!);
            },
            async () =>
            {
                // Envelopes of a rolled-back transaction were never stored: drop them rather than send them later.
                enlistedIn = null;
                superseded.Clear();
                await context.ClearAllAsync();
            });
        enlistedIn = session.Transaction;
    }

    // Tidiness only: a superseded envelope that still fires (a crash before this ran) is no longer current for its
    // key and is dropped on delivery (ReceiverDispatch), so this may fail or race the poller without harm.
    private async Task CancelSupersededAsync(IMessageDatabase database)
    {
        if (superseded.Count == 0)
        {
            return;
        }

        var ids = superseded.ToArray();
        superseded.Clear();
        await database.ScheduledMessages.CancelAsync(new ScheduledMessageQuery { MessageIds = ids, PageSize = 0 }, CancellationToken.None);
    }
}
