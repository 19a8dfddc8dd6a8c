using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Aims.BuildingBlocks.Time;

/// <summary>
/// The one place deadlines are computed: Virginia state holidays (Code of Virginia § 2.2-3300), Governor-declared
/// closures, and the America/New_York calendar. Modules must not count days themselves.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly TimeProvider time;
    private readonly HashSet<DateOnly> additionalClosures;
    private readonly ConcurrentDictionary<int, ImmutableArray<Holiday>> holidaysByYear = new();

    public BusinessCalendar(TimeProvider time, IOptions<CalendarOptions> options)
    {
        this.time = time;
        additionalClosures = [.. options.Value.AdditionalClosures];
    }

    public static TimeZoneInfo Eastern { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public DateOnly Today() => ToLocalDate(time.GetUtcNow());

    public DateOnly ToLocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Eastern).DateTime);

        /// <summary>
        /// The instant a New York wall-clock time happens on a date: a time skipped in spring gets the standard offset, a
        /// repeated one in autumn its second occurrence (office hours are never affected).
        /// </summary>
    public DateTimeOffset AtLocalTime(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Eastern.GetUtcOffset(local));
    }

    public bool IsHoliday(DateOnly date)
    {
        foreach (var holiday in Holidays(date.Year))
        {
            if (holiday.Date == date)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !additionalClosures.Contains(date)
        && !IsHoliday(date);

    public IReadOnlyList<Holiday> HolidaysIn(int year) => Holidays(year);

    public DateOnly NextBusinessDayOnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// "Within N days of X" under 12VAC30-120-650 E: the trigger day is not counted, the last day is, and a last
    /// day on a weekend, holiday or closure moves to the next business day.
    /// </summary>
    public DateOnly AddCalendarDaysRolled(DateOnly trigger, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return NextBusinessDayOnOrAfter(trigger.AddDays(days));
    }

    /// <summary>
    /// The business day reached by counting <paramref name="days"/> business days from <paramref name="start"/>,
    /// forward when positive and backward when negative. The start day is never counted, business day or not.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        var step = Math.Sign(days);
        var remaining = Math.Abs(days);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsBusinessDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to is not later.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsBusinessDay(date))
            {
                count++;
            }
        }

        return count;
    }

    private ImmutableArray<Holiday> Holidays(int year) => holidaysByYear.GetOrAdd(year, ObservedIn);

    // New Year's Day on a Saturday is observed on December 31 of the year before, so a year's list draws on the
    // next year's rules too; and that year's own January 1 may belong to the previous year's list.
    private static ImmutableArray<Holiday> ObservedIn(int year) =>
        [.. LegalHolidays(year).Concat(LegalHolidays(year + 1))
            .Select(Observed)
            .Where(holiday => holiday.Date.Year == year)
            .OrderBy(holiday => holiday.Date)];

    // § 2.2-3300: a holiday on a Saturday is kept the Friday before, one on a Sunday the Monday after.
    private static Holiday Observed((DateOnly Date, string Name) holiday) => holiday.Date.DayOfWeek switch
    {
        DayOfWeek.Saturday => new Holiday(holiday.Date.AddDays(-1), holiday.Name, IsObservedShift: true),
        DayOfWeek.Sunday => new Holiday(holiday.Date.AddDays(1), holiday.Name, IsObservedShift: true),
        _ => new Holiday(holiday.Date, holiday.Name, IsObservedShift: false),
    };

    private static IEnumerable<(DateOnly Date, string Name)> LegalHolidays(int year)
    {
        // 2020 Acts replaced Lee-Jackson Day with Election Day and added Juneteenth.
        var since2020 = year >= 2020;

        yield return (new DateOnly(year, 1, 1), "New Year's Day");
        if (!since2020)
        {
            yield return (Nth(year, 1, DayOfWeek.Monday, 3).AddDays(-3), "Lee-Jackson Day");
        }

        yield return (Nth(year, 1, DayOfWeek.Monday, 3), "Martin Luther King, Jr., Day");
        yield return (Nth(year, 2, DayOfWeek.Monday, 3), "George Washington Day");
        yield return (Last(year, 5, DayOfWeek.Monday), "Memorial Day");
        if (since2020)
        {
            yield return (new DateOnly(year, 6, 19), "Juneteenth");
        }

        yield return (new DateOnly(year, 7, 4), "Independence Day");
        yield return (Nth(year, 9, DayOfWeek.Monday, 1), "Labor Day");
        yield return (Nth(year, 10, DayOfWeek.Monday, 2), "Columbus Day and Yorktown Victory Day");
        if (since2020)
        {
            yield return (Nth(year, 11, DayOfWeek.Monday, 1).AddDays(1), "Election Day");
        }

        yield return (new DateOnly(year, 11, 11), "Veterans Day");
        var thanksgiving = Nth(year, 11, DayOfWeek.Thursday, 4);
        yield return (thanksgiving, "Thanksgiving Day");
        yield return (thanksgiving.AddDays(1), "Day after Thanksgiving");
        yield return (new DateOnly(year, 12, 25), "Christmas Day");
    }

    private static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }
}
