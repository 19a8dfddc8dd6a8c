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
/// growing sequence move the event in calendars when it changes, and METHOD:CANCEL takes it out. Nobody replies.
/// </summary>
internal static class HearingCalendar
{
    private static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <param name="organizer">The address the notices come from: RFC 5546 wants an organizer on a published event.</param>
    public static EmailAttachment For(HearingNoticeIssued notice, DateTimeOffset now, string organizer) =>
        Build("PUBLISH", new(notice.AppealId, notice.CaseNumber, notice.Conference, notice.StartsAt, notice.Channel, notice.Details, notice.Sequence), now, organizer);

    /// <summary>The same event (UID, start) at a higher sequence, cancelled: calendars remove it.</summary>
    public static EmailAttachment Cancel(HearingCancelled cancelled, DateTimeOffset now, string organizer) =>
        Build("CANCEL", new(cancelled.AppealId, cancelled.CaseNumber, cancelled.Conference, cancelled.StartsAt, cancelled.Channel, cancelled.Details, cancelled.Sequence), now, organizer);

    private static EmailAttachment Build(string method, HearingEvent hearing, DateTimeOffset now, string organizer)
    {
        var (appealId, caseNumber, conference, startsAt, channel, details, sequence) = hearing;
        var zone = BusinessCalendar.Eastern.Id;
        var what = conference ? "Informal fact-finding conference" : "Hearing";
        var starts = TimeZoneInfo.ConvertTime(startsAt, BusinessCalendar.Eastern).DateTime;
        var calendar = new Calendar { Method = method, ProductId = "-//Virginia DMAS Appeals Division//AIMS//EN" };
        // Rules from a year before the earlier of now and the hearing, so the offset of either is covered.
        calendar.AddTimeZone(zone, (starts < now.UtcDateTime ? starts : now.UtcDateTime).AddYears(-1), includeHistoricalData: false);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"hearing-{appealId:N}@aims",
            Sequence = sequence,
            Status = method == "CANCEL" ? "CANCELLED" : null,
            Organizer = new Organizer($"mailto:{MimeKit.MailboxAddress.Parse(organizer).Address}") { CommonName = "Virginia DMAS Appeals Division" },
            DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = new CalDateTime(starts, zone),
            DtEnd = new CalDateTime(starts + Length, zone),
            Summary = $"{what}, appeal {caseNumber}",
            Location = $"{channel}: {details}",
            Description = $"{what} on appeal {caseNumber}. {channel}: {details}. Questions: the Appeals Division.",
        });
        return new EmailAttachment($"{caseNumber}.ics", $"text/calendar; method={method}; charset=utf-8", new CalendarSerializer().SerializeToString(calendar)!);
    }

    /// <summary>What a notice and a cancellation share about the event.</summary>
    private sealed record HearingEvent(Guid AppealId, string CaseNumber, bool Conference, DateTimeOffset StartsAt, string Channel, string Details, int Sequence);
}
