using MediatR;

namespace Aims.BuildingBlocks.Messaging;

/// <summary>Anything that travels through the durable message table: handled by <c>INotificationHandler&lt;T&gt;</c>s.</summary>
public interface IMessage : INotification;

/// <summary>A fact one module tells the others, declared in the sender's Contracts.</summary>
public interface IIntegrationEvent : IMessage;
