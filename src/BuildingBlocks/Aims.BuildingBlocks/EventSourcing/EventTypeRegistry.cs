using System.Collections.Frozen;
using System.Text.Json;

namespace Aims.BuildingBlocks.EventSourcing;

/// <summary>Short, stable names for event types; two events with one name are refused at start-up.</summary>
internal sealed class EventTypeRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FrozenDictionary<string, Type> byName;

    public EventTypeRegistry(EventStoreOptions options)
    {
        var types = options.EventAssemblies.Distinct().SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEvent).IsAssignableFrom(t))
            .ToList();
        var clash = types.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Two event types are named {clash.Key}: {string.Join(", ", clash.Select(t => t.FullName))}.");
        }

        byName = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public string NameOf(IEvent @event)
    {
        var name = @event.GetType().Name;
        return byName.ContainsKey(name)
            ? name
            : throw new InvalidOperationException($"{@event.GetType().FullName} is not in the event store's assemblies.");
    }

    public string Serialize(IEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Json);

    public IEvent Deserialize(string name, string json) =>
        byName.TryGetValue(name, out var type)
            ? (IEvent)JsonSerializer.Deserialize(json, type, Json)!
            : throw new InvalidOperationException($"The stored event type {name} is unknown.");
}
