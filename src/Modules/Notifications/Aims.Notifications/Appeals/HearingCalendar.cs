using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Time;
using Aims.Notifications.Contracts;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Aims.Notifications.Appeals;

/// <summary>
/// A hearing as an iCalendar event (Ical.Net, ADR 0030) in Richmond time with its VTIMEZONE; the appeal's UID and a
/// growing sequence move the event in calendars when it changes. Published, not requested: nobody replies.
/// </summary>
internal static class HearingCalendar
{
    public const string ContentType = "text/calendar; method=PUBLISH; charset=utf-8";

    private static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <param name="organizer">The address the notices come from: RFC 5546 wants an organizer on a published event.</param>
    public static EmailAttachment For(HearingNoticeIssued notice, DateTimeOffset now, string organizer)
    {
        var zone = BusinessCalendar.Eastern.Id;
        var what = notice.Conference ? "Informal fact-finding conference" : "Hearing";
        var starts = TimeZoneInfo.ConvertTime(notice.StartsAt, BusinessCalendar.Eastern).DateTime;
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//Virginia DMAS Appeals Division//AIMS//EN" };
        // Rules from a year before the earlier of now and the hearing, so the offset of either is covered.
        calendar.AddTimeZone(zone, (starts < now.UtcDateTime ? starts : now.UtcDateTime).AddYears(-1), includeHistoricalData: false);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"hearing-{notice.AppealId:N}@aims",
            Sequence = notice.Sequence,
            Organizer = new Organizer($"mailto:{MimeKit.MailboxAddress.Parse(organizer).Address}") { CommonName = "Virginia DMAS Appeals Division" },
            DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = new CalDateTime(starts, zone),
            DtEnd = new CalDateTime(starts + Length, zone),
            Summary = $"{what}, appeal {notice.CaseNumber}",
            Location = $"{notice.Channel}: {notice.Details}",
            Description = $"{what} on appeal {notice.CaseNumber}. {notice.Channel}: {notice.Details}. Questions: the Appeals Division.",
        });
        return new EmailAttachment($"{notice.CaseNumber}.ics", ContentType, new CalendarSerializer().SerializeToString(calendar)!);
    }
}
