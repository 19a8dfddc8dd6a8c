using System.Globalization;
using Aims.BuildingBlocks.Time;

namespace Aims.BuildingBlocks.Web;

/// <summary>
/// Dates as the reader reads them, in the current language and Virginia time (ADR 0022): every module's pages and
/// messages, and the refusals of <see cref="Errors.RuleViolationException"/>. Staff pages, always English, keep theirs.
/// </summary>
public static class PortalDates
{
    private static bool InSpanish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == PortalLanguages.Spanish.TwoLetterISOLanguageName;

    private static CultureInfo Reader => InSpanish ? PortalLanguages.Spanish : PortalLanguages.English;

    /// <summary>"November 23, 2026 at 9:00 AM Eastern" or "23 de noviembre de 2026 a las 9:00 a. m., hora del Este".</summary>
    public static string Eastern(DateTimeOffset at) =>
        Local(at).ToString(InSpanish ? "d 'de' MMMM 'de' yyyy 'a las' h:mm tt', hora del Este'" : "MMMM d, yyyy 'at' h:mm tt 'Eastern'", Reader);

    /// <summary>A moment in a list: "11/23/2026 9:00 AM", or "23 de noviembre de 2026, 9:00 a. m." in Spanish.</summary>
    public static string Moment(DateTimeOffset at) => Local(at).ToString(InSpanish ? "d 'de' MMMM 'de' yyyy, h:mm tt" : "MM/dd/yyyy h:mm tt", Reader);

    /// <summary>"Wednesday, November 25, 2026" or "miércoles, 25 de noviembre de 2026".</summary>
    public static string Day(DateOnly date) => date.ToString(InSpanish ? "dddd, d 'de' MMMM 'de' yyyy" : "dddd, MMMM d, yyyy", Reader);

    /// <summary>A date in a table or sentence: "11/25/2026", or "25 de noviembre de 2026" in Spanish.</summary>
    public static string Date(DateOnly date) => date.ToString(InSpanish ? "d 'de' MMMM 'de' yyyy" : "MM/dd/yyyy", Reader);

    private static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, BusinessCalendar.Eastern);
}
