using Aims.BuildingBlocks.Messaging;

namespace Aims.Notifications.Sending;

/// <summary>
/// The message on the sending queue that sends one text; its id is fixed when queued so the gateway can drop a retried
/// duplicate. An envelope the previous version left under its old name is read as this one (the host's MessageTypeRegistry).
/// </summary>
internal sealed record SendTextMessage(string MessageId, string To, string Body) : IOutsideDelivery;
