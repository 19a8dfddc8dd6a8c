namespace Aims.BuildingBlocks.EventSourcing;

/// <summary>An event as read back, with who raised it, when, and under which correlation.</summary>
public sealed record StoredEvent(
    long Sequence,
    Guid Id,
    Guid StreamId,
    long Version,
    string Type,
    IEvent Data,
    DateTimeOffset Timestamp,
    string? Actor,
    string? CorrelationId,
    string? CausationId);
