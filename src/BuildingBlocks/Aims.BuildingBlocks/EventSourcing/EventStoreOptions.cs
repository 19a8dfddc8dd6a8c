using System.Reflection;

namespace Aims.BuildingBlocks.EventSourcing;

public sealed class EventStoreOptions
{
    /// <summary>The owning module's schema, where its streams and events tables live.</summary>
    public required string Schema { get; init; }

    public required IReadOnlyList<Assembly> EventAssemblies { get; init; }
}
