using Ical.Net;
using Ical.Net.CalendarComponents;
using MimeKit;
using Shouldly;

namespace Aims.Testing;

/// <summary>The calendar invitation a delivered email carries, parsed back with Ical.Net.</summary>
public static class CalendarInvitation
{
    public const string Richmond = "America/New_York";

    /// <summary>
    /// The one .ics attachment: it must have travelled as text/calendar with its method (what mail clients look for),
    /// parse as a calendar that defines Richmond's time zone, and hold one event.
    /// </summary>
    public static (Calendar Calendar, CalendarEvent Event) Of(OutboxReader.Email email)
    {
        var part = (email.Delivered ?? throw new InvalidOperationException($"'{email.Subject}' was read from the queue, not delivered."))
            .Attachments.OfType<MimePart>().Single();
        part.ContentType.MimeType.ShouldBe("text/calendar");
        var calendar = Calendar.Load(email.Attachments.Single().Content).ShouldNotBeNull();
        part.ContentType.Parameters["method"].ShouldBe(calendar.Method);
        calendar.TimeZones.ShouldContain(zone => zone.TzId == Richmond);
        return (calendar, calendar.Events.ShouldHaveSingleItem());
    }
}
