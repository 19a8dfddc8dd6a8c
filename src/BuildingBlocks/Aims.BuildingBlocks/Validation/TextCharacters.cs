using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace Aims.BuildingBlocks.Validation;

/// <summary>
/// Characters no field may carry, checked on every request: control characters (NUL breaks PostgreSQL), bidirectional
/// overrides ("Trojan Source", CVE-2021-42574) and broken UTF-16. Tab, CR and LF stay allowed for text areas.
/// </summary>
public static class TextCharacters
{
    public const string ControlMessage = "Remove the control characters (such as NUL) from this field.";

    public const string BidiMessage = "Remove the hidden right-to-left or left-to-right marks from this field.";

    private const int MaximumDepth = 6;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The message for the first character <paramref name="value"/> may not carry, or null when it is plain text.</summary>
    public static string? Problem(string? value)
    {
        if (value is null)
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\r' or '\n')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return ControlMessage;
            }

            if (IsBidiControl(c))
            {
                return BidiMessage;
            }
        }

        return null;
    }

    /// <summary>The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E, U+200F, U+061C.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>
    /// Every string in <paramref name="request"/> — its properties, nested forms and lists of them, but only the
    /// project's own types — named the way FluentValidation names them (<c>Form.Items[0].Reason</c>).
    /// </summary>
    public static IReadOnlyList<ValidationFailure> Check(object request)
    {
        var failures = new List<ValidationFailure>();
        Walk(request, "", 0, failures);
        return failures;
    }

    private static void Walk(object? value, string path, int depth, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (Problem(text) is { } message)
                {
                    failures.Add(new ValidationFailure(path, message));
                }

                return;
            case IEnumerable items when depth < MaximumDepth && IsOwnType(ElementType(value.GetType())):
                var index = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{index++}]", depth + 1, failures);
                }

                return;
        }

        if (depth >= MaximumDepth || !IsOwnType(value.GetType()))
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
        {
            Walk(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", depth + 1, failures);
        }
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            // What was bound or sent (settable or init-only), not what a form computes from it (FilledItems).
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && p.SetMethod is not null)
            .Where(p => p.PropertyType == typeof(string) || IsOwnType(p.PropertyType) || IsOwnType(ElementType(p.PropertyType)))
            .ToArray();

    /// <summary>Strings, the project's own forms and commands; never framework objects (principals, files, streams).</summary>
    private static bool IsOwnType(Type? type) =>
        type == typeof(string) || type is { IsPrimitive: false, IsEnum: false } && type.Namespace?.StartsWith("Aims.", StringComparison.Ordinal) == true;

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
