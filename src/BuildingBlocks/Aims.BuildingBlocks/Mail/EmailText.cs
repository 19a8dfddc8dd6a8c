using System.Globalization;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;

namespace Aims.BuildingBlocks.Mail;

/// <summary>Wording every module's emails share: the signature with the helpline, and dates as Virginians read them.</summary>
public static class EmailText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Footer(ContactOptions contact) =>
        $"\n\nQuestions? Call the AIMS helpline at {contact.HelplinePhone}.\nVirginia Department of Medical Assistance Services — Appeals Division";

    /// <summary>"November 23, 2026 at 9:00 AM Eastern".</summary>
    public static string Eastern(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, BusinessCalendar.Eastern).ToString("MMMM d, yyyy 'at' h:mm tt 'Eastern'", English);

    /// <summary>"Wednesday, November 25, 2026".</summary>
    public static string Day(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", English);
}
