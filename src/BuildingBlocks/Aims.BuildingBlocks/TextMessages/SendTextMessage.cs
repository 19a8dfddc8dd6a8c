using Aims.BuildingBlocks.Messaging;

namespace Aims.BuildingBlocks.TextMessages;

/// <summary>The scheduled message that sends one text; its id is fixed when queued so the gateway can drop a retried duplicate.</summary>
public sealed record SendTextMessage(string MessageId, string To, string Body) : IOutsideDelivery;
