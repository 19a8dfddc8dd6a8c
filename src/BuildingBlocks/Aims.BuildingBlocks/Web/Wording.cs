using System.Globalization;

namespace Aims.BuildingBlocks.Web;

/// <summary>
/// Text worded in each language where the facts are and read elsewhere (ADR 0026): a message crosses the outbox as
/// data, keyed by culture name; a language it lacks reads the English.
/// </summary>
public sealed record Wording<T>(IReadOnlyDictionary<string, T> Languages)
{
    public T For(CultureInfo? language) =>
        language is not null && Languages.TryGetValue(language.Name, out var worded) ? worded : Languages[PortalLanguages.English.Name];

    /// <summary>The wording in the language the thread writes in now (see <see cref="PortalLanguages.Use"/>).</summary>
    public T Current => For(CultureInfo.CurrentUICulture);
}

public static class Wording
{
    /// <summary>Words <paramref name="compose"/> once in each portal language, with that language's localizers and dates.</summary>
    public static Wording<T> InEachLanguage<T>(Func<T> compose) => new(PortalLanguages.All.ToDictionary(language => language.Name, language =>
    {
        using var scope = PortalLanguages.Use(language);
        return compose();
    }));

    /// <summary>Text only the division reads: its staff work in English (ADR 0025), so there is one language to word.</summary>
    public static Wording<T> English<T>(T text) => new(new Dictionary<string, T> { [PortalLanguages.English.Name] = text });
}
