using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Aims.BuildingBlocks.Messaging;

/// <summary>Maps stored type names to message types, found once by scanning the module and Contracts assemblies.</summary>
public sealed class MessageTypeRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FrozenDictionary<string, Type> types;

    public MessageTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        types = assemblies.Distinct()
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(type))
            .ToFrozenDictionary(NameOf, StringComparer.Ordinal);
    }

    public static string NameOf(Type type) => type.FullName ?? type.Name;

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

    public IMessage Deserialize(string typeName, string payload)
    {
        if (!types.TryGetValue(typeName, out var type))
        {
            throw new UnknownMessageTypeException(typeName);
        }

        return (IMessage)(JsonSerializer.Deserialize(payload, type, Json)
            ?? throw new JsonException($"The stored {typeName} is empty."));
    }
}
