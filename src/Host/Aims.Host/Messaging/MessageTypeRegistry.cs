using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Aims.BuildingBlocks.Messaging;

namespace Aims.Host.Messaging;

/// <summary>Maps stored type names to message types, found once by scanning the module and Contracts assemblies.</summary>
public sealed class MessageTypeRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FrozenDictionary<string, Type> types;
    private readonly FrozenDictionary<Type, string[]> receivers;

    public MessageTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        types = assemblies.Distinct()
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(type))
            .ToFrozenDictionary(NameOf, StringComparer.Ordinal);
        receivers = assemblies.Distinct()
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.INotificationHandler<>)
                    && typeof(IMessage).IsAssignableFrom(i.GetGenericArguments()[0]))
                .Select(i => (Event: i.GetGenericArguments()[0], Receiver: NameOf(type))))
            .GroupBy(pair => pair.Event)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => pair.Receiver).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The integration events and scheduled messages some module receives: each gets a Wolverine handler.</summary>
    public IEnumerable<Type> ReceivedMessages => receivers.Keys;

    /// <summary>The receivers of a message, by type name: each gets an envelope of its own.</summary>
    public IReadOnlyList<string> ReceiversOf(Type eventType) => receivers.GetValueOrDefault(eventType, []);

    /// <summary>A message's name on the wire: Wolverine's, which a message may pin to a previous name (ADR 0051).</summary>
    public static string NameOf(Type type) => type.GetCustomAttribute<Wolverine.Attributes.MessageIdentityAttribute>()?.Alias ?? type.FullName ?? type.Name;

    public string Serialize(IMessage message, out string typeName)
    {
        var type = message.GetType();
        typeName = NameOf(type);
        if (!types.ContainsKey(typeName))
        {
            throw new InvalidOperationException($"{typeName} is not in a registered module assembly, so it could never be delivered.");
        }

        return JsonSerializer.Serialize(message, type, Json);
    }

    /// <summary>A message as the stand-in stored it (ADR 0050's hand-over); null when no loaded module declares the type.</summary>
    public IMessage? Deserialize(string typeName, string payload) =>
        types.TryGetValue(typeName, out var type)
            ? (IMessage)(JsonSerializer.Deserialize(payload, type, Json) ?? throw new JsonException($"The stored {typeName} is empty."))
            : null;
}
