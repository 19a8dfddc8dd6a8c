using System.Globalization;
using Aims.BuildingBlocks.Web;

namespace Aims.BuildingBlocks.Errors;

/// <summary>
/// An action the current state does not allow (409). English wording with placeholders (ADR 0028): the API and logs
/// get <see cref="Exception.Message"/>, a page shows <see cref="In"/> the reader's language.
/// </summary>
public sealed class RuleViolationException : Exception
{
    /// <param name="wording">English with <c>{0}</c>-style placeholders: the key of its translation in the resource files.</param>
    /// <param name="values">What fills the placeholders; dates are written as the reader reads them (<see cref="PortalDates"/>).</param>
    public RuleViolationException(string wording, params object?[] values)
        : base(InEnglish(wording, values))
    {
        Wording = wording;
        Values = values;
    }

    public string Wording { get; }

    public IReadOnlyList<object?> Values { get; }

        /// <summary>The refusal in the current language; a value that is itself an English key (a status) is translated too.</summary>
    public string In(Func<string, string> translate) => Values.Count == 0
        ? translate(Wording)
        : string.Format(CultureInfo.CurrentCulture, translate(Wording), [.. Values.Select(value => Written(value, translate))]);

    private static string InEnglish(string wording, object?[] values)
    {
        using (PortalLanguages.Use(PortalLanguages.English))
        {
            return values.Length == 0 ? wording : string.Format(PortalLanguages.English, wording, [.. values.Select(value => Written(value, english => english))]);
        }
    }

    private static object? Written(object? value, Func<string, string> translate) => value switch
    {
        DateOnly date => PortalDates.Date(date),
        DateTimeOffset moment => PortalDates.Eastern(moment),
        string text => translate(text),
        _ => value,
    };
}
