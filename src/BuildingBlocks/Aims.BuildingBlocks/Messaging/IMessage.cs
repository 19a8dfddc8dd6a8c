using MediatR;

namespace Aims.BuildingBlocks.Messaging;

/// <summary>Anything that travels through the durable message table: handled by <c>INotificationHandler&lt;T&gt;</c>s.</summary>
public interface IMessage : INotification;

/// <summary>A fact one module tells the others, declared in the sender's Contracts.</summary>
public interface IIntegrationEvent : IMessage;

/// <summary>
/// A command that talks to a server outside AIMS (SMTP, the text-message gateway): it travels on a durable queue of its
/// own (ADR 0047), so a slow server never holds up the events between modules.
/// </summary>
public interface IOutsideDelivery : IMessage;
