using System.Globalization;
using System.Text;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Mail;

namespace Aims.Notifications.Appeals;

/// <summary>
/// A hearing or conference as an iCalendar event (RFC 5545) attached to its notice. The UID is the appeal's, and the
/// sequence grows with every change, so a calendar that took the first invitation moves the event when the next arrives.
/// Published rather than requested: the notice informs, nobody is asked to reply through their calendar.
/// </summary>
internal static class HearingCalendar
{
    private static readonly TimeSpan Length = TimeSpan.FromHours(1);

    public static EmailAttachment For(HearingNoticeIssued notice, DateTimeOffset now)
    {
        var what = notice.Conference ? "Informal fact-finding conference" : "Hearing";
        var lines = new[]
        {
            "BEGIN:VCALENDAR",
            "PRODID:-//Virginia DMAS Appeals Division//AIMS//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:hearing-{notice.AppealId:N}@aims",
            $"SEQUENCE:{notice.Sequence}",
            $"DTSTAMP:{Utc(now)}",
            $"DTSTART:{Utc(notice.StartsAt)}",
            $"DTEND:{Utc(notice.StartsAt + Length)}",
            $"SUMMARY:{Text($"{what}, appeal {notice.CaseNumber}")}",
            $"LOCATION:{Text($"{notice.Channel}: {notice.Details}")}",
            $"DESCRIPTION:{Text($"{what} on appeal {notice.CaseNumber}. {notice.Channel}: {notice.Details}. Questions: the Appeals Division.")}",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var calendar = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(calendar, line);
        }

        return new EmailAttachment($"{notice.CaseNumber}.ics", "text/calendar; method=PUBLISH", calendar.ToString());
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    /// <summary>Lines longer than 75 characters continue on the next line after a space (RFC 5545 3.1).</summary>
    private static void Fold(StringBuilder calendar, string line)
    {
        for (var start = 0; start < line.Length; start += start == 0 ? 75 : 74)
        {
            calendar.Append(start == 0 ? "" : " ").Append(line.AsSpan(start, Math.Min(start == 0 ? 75 : 74, line.Length - start))).Append("\r\n");
        }
    }
}
