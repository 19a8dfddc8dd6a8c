using System.Collections.Concurrent;
using System.Reflection;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.Host.Composition;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.RDBMS;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace Aims.Host.Messaging;

/// <summary>
/// Wolverine's pre-built handler for one message type (no generated code). Each envelope names one receiver, run in its own
/// transaction that also marks the envelope handled in the inbox, so a receiver that committed never runs again for it.
/// </summary>
internal sealed class ReceiverDispatch(Type messageType) : MessageHandler
{
    public const string ReceiverHeader = "aims-receiver";
    public const string ActorHeader = "aims-actor";

    private static readonly MethodInfo InvokeMethod =
        typeof(ReceiverDispatch).GetMethod(nameof(InvokeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Func<object, object, CancellationToken, Task>> Invokers = new();

    // Each receiver built alone, by a factory compiled once: not every receiver of the type to pick one by name.
    private static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();

    public override Type MessageType => messageType;

    public override async Task HandleAsync(MessageContext context, CancellationToken cancellation)
    {
        var envelope = context.Envelope!;
        var receiver = envelope.Headers.TryGetValue(ReceiverHeader, out var name) && name is not null ? MessageTypeRegistry.CurrentName(name) : null;
        await using var scope = context.Runtime.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        session.UseDataSource(scope.ServiceProvider.GetRequiredKeyedService<NpgsqlDataSource>(AimsServiceCollectionExtensions.ReceiverDataSourceKey));
        var operation = scope.ServiceProvider.GetRequiredService<OperationContext>();
        operation.CorrelationId = envelope.CorrelationId ?? operation.CorrelationId;
        operation.CausationId = envelope.Id.ToString();
        operation.ActorId = envelope.Headers.TryGetValue(ActorHeader, out var actor) ? actor : null;

        var receiverType = scope.ServiceProvider.GetRequiredService<MessageTypeRegistry>().ReceiverType(messageType, receiver)
            ?? throw new PermanentFailureException($"No receiver '{receiver}' handles {messageType.FullName} in this build.");
        var handler = Factories.GetOrAdd(receiverType, type => ActivatorUtilities.CreateFactory(type, Type.EmptyTypes))(scope.ServiceProvider, null);

        await session.BeginAsync(cancellation);
        try
        {
            // A scheduled message replaced or cancelled since it was planned is no longer current for its key: dropped.
            var current = !envelope.Headers.TryGetValue(ScheduledWork.KeyHeader, out var key) || key is null
                || await ScheduledKeys.TakeAsync(session, key, envelope.Id, cancellation);
            if (current)
            {
                await Invoker(messageType)(handler, envelope.Message!, cancellation);
            }

            var marked = context.TryFindMessageDatabase(out var database);
            if (marked)
            {
                // Handled in the receiver's own transaction: a crash after this commit cannot run the receiver again.
                await database!.MarkIncomingEnvelopeAsHandledInTransactionAsync(
                    session.Connection, session.Transaction, envelope,
                    DateTimeOffset.UtcNow + context.Runtime.Options.Durability.KeepAfterMessageHandling, cancellation);
            }

            await session.CommitAsync(cancellation);
            if (marked)
            {
                // Wolverine then skips its own second mark (another connection and round trip per envelope).
                envelope.Status = EnvelopeStatus.Handled;
            }
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
    }

    private static Func<object, object, CancellationToken, Task> Invoker(Type type) =>
        Invokers.GetOrAdd(type, t => InvokeMethod.MakeGenericMethod(t).CreateDelegate<Func<object, object, CancellationToken, Task>>());

    private static Task InvokeAsync<T>(object handler, object message, CancellationToken cancellationToken)
        where T : INotification =>
        ((INotificationHandler<T>)handler).Handle((T)message, cancellationToken);
}
