using System.Globalization;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aims.BuildingBlocks.Mail;

/// <summary>
/// Wording every module's emails share, and dates as the reader reads them: in the current language (ADR 0022), so a
/// Spanish page or email says "25 de noviembre de 2026" while staff pages, which are always English, keep theirs.
/// </summary>
public static class EmailText
{
    // Static like the date helpers every module calls, so it reads the building blocks' resource file without DI.
    private static readonly IStringLocalizer T = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(BuildingBlocksText));

    private static bool InSpanish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == PortalLanguages.Spanish.TwoLetterISOLanguageName;

    /// <summary>The closing lines of every email, in plain text (the HTML notices set the same <see cref="Helpline"/> and <see cref="Department"/>).</summary>
    public static string Footer(ContactOptions contact) => $"\n\n{Helpline(contact)}\n{Department}";

    public static string Helpline(ContactOptions contact) => T["Questions? Call the AIMS helpline at {0}.", contact.HelplinePhone];

    public static string Department => T["Virginia Department of Medical Assistance Services — Appeals Division"];

    /// <summary>"November 23, 2026 at 9:00 AM Eastern" or "23 de noviembre de 2026 a las 9:00 a. m., hora del Este".</summary>
    public static string Eastern(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, BusinessCalendar.Eastern);
        return InSpanish
            ? local.ToString("d 'de' MMMM 'de' yyyy 'a las' h:mm tt', hora del Este'", PortalLanguages.Spanish)
            : local.ToString("MMMM d, yyyy 'at' h:mm tt 'Eastern'", PortalLanguages.English);
    }

    /// <summary>A moment in a list, in Virginia time: "11/23/2026 9:00 AM", or "23 de noviembre de 2026, 9:00 a. m." in Spanish.</summary>
    public static string Moment(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, BusinessCalendar.Eastern);
        return InSpanish
            ? local.ToString("d 'de' MMMM 'de' yyyy, h:mm tt", PortalLanguages.Spanish)
            : local.ToString("MM/dd/yyyy h:mm tt", PortalLanguages.English);
    }

    /// <summary>"Wednesday, November 25, 2026" or "miércoles, 25 de noviembre de 2026".</summary>
    public static string Day(DateOnly date) => InSpanish
        ? date.ToString("dddd, d 'de' MMMM 'de' yyyy", PortalLanguages.Spanish)
        : date.ToString("dddd, MMMM d, yyyy", PortalLanguages.English);

    /// <summary>A date in a table or sentence: "11/25/2026", or "25 de noviembre de 2026" in Spanish.</summary>
    public static string Date(DateOnly date) => InSpanish
        ? date.ToString("d 'de' MMMM 'de' yyyy", PortalLanguages.Spanish)
        : date.ToString("MM/dd/yyyy", PortalLanguages.English);

    /// <summary>An amount of money: "$1,250.00" either way (US dollars), with the language's separators.</summary>
    public static string Money(decimal amount) => amount.ToString("C", InSpanish ? PortalLanguages.Spanish : PortalLanguages.English);
}
