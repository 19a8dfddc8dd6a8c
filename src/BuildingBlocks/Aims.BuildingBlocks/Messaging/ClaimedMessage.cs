namespace Aims.BuildingBlocks.Messaging;

internal sealed record ClaimedMessage(
    Guid Id, string Type, string Payload, int Attempts, string? CorrelationId, string? Actor);
