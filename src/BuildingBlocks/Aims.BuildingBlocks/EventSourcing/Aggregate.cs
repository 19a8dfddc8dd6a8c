namespace Aims.BuildingBlocks.EventSourcing;

/// <summary>State rebuilt by folding a stream's events in order; <see cref="Version"/> is the expected version for the next append.</summary>
public abstract class Aggregate
{
    public Guid Id { get; protected internal set; }

    public long Version { get; internal set; }

    public abstract void Apply(IEvent @event);
}
