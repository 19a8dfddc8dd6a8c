using Aims.BuildingBlocks.Messaging;
using Wolverine.Attributes;

namespace Aims.Notifications.Sending;

/// <summary>
/// The message on the sending queue that sends one text; its id is fixed when queued so the gateway can drop a retried
/// duplicate. Named on the wire as the previous version named it (ADR 0051).
/// </summary>
[MessageIdentity("Aims.BuildingBlocks.TextMessages.SendTextMessage")]
internal sealed record SendTextMessage(string MessageId, string To, string Body) : IOutsideDelivery;
