namespace Aims.BuildingBlocks.EventSourcing;

/// <summary>A fact in an event stream. Events are records; their short type name is what is stored.</summary>
public interface IEvent;
