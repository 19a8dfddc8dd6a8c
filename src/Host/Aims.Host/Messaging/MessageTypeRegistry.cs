using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Aims.BuildingBlocks.Messaging;

namespace Aims.Host.Messaging;

/// <summary>Maps stored type names to message types, found once by scanning the module and Contracts assemblies.</summary>
public sealed class MessageTypeRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // What a previous version wrote on the wire (a message type, an aims-receiver header) and its name now (ADR 0051):
    // an envelope or stand-in row under an old name is read under the new one; nothing is written under an old name.
    private static readonly FrozenDictionary<string, string> FormerNames = new Dictionary<string, string>
    {
        ["Aims.BuildingBlocks.Mail.SendEmail"] = "Aims.Notifications.Sending.SendEmail",
        ["Aims.BuildingBlocks.Mail.SendEmailHandler"] = "Aims.Notifications.Sending.SendEmailHandler",
        ["Aims.BuildingBlocks.TextMessages.SendTextMessage"] = "Aims.Notifications.Sending.SendTextMessage",
        ["Aims.BuildingBlocks.TextMessages.SendTextMessageHandler"] = "Aims.Notifications.Sending.SendTextMessageHandler",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Type> types;
    private readonly FrozenDictionary<Type, string[]> receivers;
    private readonly FrozenDictionary<(Type Event, string Receiver), Type> receiverTypes;

    public MessageTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        var loaded = assemblies.Distinct().SelectMany(assembly => assembly.GetTypes()).ToList();
        types = loaded
            .Where(type => type is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(type))
            .ToFrozenDictionary(NameOf, StringComparer.Ordinal);
        var pairs = loaded
            .Where(type => type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.INotificationHandler<>)
                    && typeof(IMessage).IsAssignableFrom(i.GetGenericArguments()[0]))
                .Select(i => (Event: i.GetGenericArguments()[0], Receiver: type)))
            .Distinct()
            .ToList();
        receivers = pairs
            .GroupBy(pair => pair.Event)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => NameOf(pair.Receiver)).Order(StringComparer.Ordinal).ToArray());
        receiverTypes = pairs.ToFrozenDictionary(pair => (pair.Event, NameOf(pair.Receiver)), pair => pair.Receiver);
    }

    /// <summary>The integration events and scheduled messages some module receives: each gets a Wolverine handler.</summary>
    public IEnumerable<Type> ReceivedMessages => receivers.Keys;

    /// <summary>The receivers of a message, by type name: each gets an envelope of its own.</summary>
    public IReadOnlyList<string> ReceiversOf(Type eventType) => receivers.GetValueOrDefault(eventType, []);

    /// <summary>The receiver of <paramref name="eventType"/> by that name (its current one), or null when this build has none.</summary>
    public Type? ReceiverType(Type eventType, string? name) =>
        name is not null && receiverTypes.TryGetValue((eventType, name), out var type) ? type : null;

    /// <summary>A message's or receiver's name on the wire, as Wolverine names a message type: its full name.</summary>
    public static string NameOf(Type type) => type.FullName ?? type.Name;

    /// <summary>The name a message type or receiver has now, for a name a previous version may have written.</summary>
    public static string CurrentName(string name) => FormerNames.GetValueOrDefault(name, name);

    /// <summary>Old wire names of the message types loaded here, for Wolverine to read a previous version's envelopes.</summary>
    public IEnumerable<(string Former, Type Type)> FormerTypeNames =>
        FormerNames.Where(pair => types.ContainsKey(pair.Value)).Select(pair => (pair.Key, types[pair.Value]));

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
        types.TryGetValue(CurrentName(typeName), out var type)
            ? (IMessage)(JsonSerializer.Deserialize(payload, type, Json) ?? throw new JsonException($"The stored {typeName} is empty."))
            : null;
}
