namespace Aims.BuildingBlocks.Modules;

/// <summary>
/// Who is acting and under which correlation id, for one request or one delivered message.
/// Events and outbox rows copy it so a chain of work can be traced back to the request that started it.
/// </summary>
public sealed class OperationContext
{
    public string CorrelationId { get; set; } = Guid.NewGuid().ToString("N");

    public string? CausationId { get; set; }

    public string? ActorId { get; set; }
}
