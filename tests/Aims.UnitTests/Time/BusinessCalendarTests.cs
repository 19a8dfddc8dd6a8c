using Aims.BuildingBlocks.Time;
using Aims.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aims.UnitTests.Time;

/// <summary>Worked examples on real dates: Virginia holidays, "N days rolled", business days, New York time.</summary>
public sealed class BusinessCalendarTests
{
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));

    private BusinessCalendar Calendar(params DateOnly[] closures) =>
        new(clock, Options.Create(new CalendarOptions { AdditionalClosures = [.. closures] }));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    public void Holidays_of_2026_are_the_statute_list_with_independence_day_observed_on_friday()
    {
        Calendar().HolidaysIn(2026).ShouldBe(
        [
            new Holiday(D(2026, 1, 1), "New Year's Day", false),
            new Holiday(D(2026, 1, 19), "Martin Luther King, Jr., Day", false),
            new Holiday(D(2026, 2, 16), "George Washington Day", false),
            new Holiday(D(2026, 5, 25), "Memorial Day", false),
            new Holiday(D(2026, 6, 19), "Juneteenth", false),
            new Holiday(D(2026, 7, 3), "Independence Day", true),
            new Holiday(D(2026, 9, 7), "Labor Day", false),
            new Holiday(D(2026, 10, 12), "Columbus Day and Yorktown Victory Day", false),
            new Holiday(D(2026, 11, 3), "Election Day", false),
            new Holiday(D(2026, 11, 11), "Veterans Day", false),
            new Holiday(D(2026, 11, 26), "Thanksgiving Day", false),
            new Holiday(D(2026, 11, 27), "Day after Thanksgiving", false),
            new Holiday(D(2026, 12, 25), "Christmas Day", false),
        ]);
    }

    [Test]
    public void Holidays_of_2027_move_saturday_holidays_to_friday_and_include_new_year_2028_observed_on_december_31()
    {
        Calendar().HolidaysIn(2027).ShouldBe(
        [
            new Holiday(D(2027, 1, 1), "New Year's Day", false),
            new Holiday(D(2027, 1, 18), "Martin Luther King, Jr., Day", false),
            new Holiday(D(2027, 2, 15), "George Washington Day", false),
            new Holiday(D(2027, 5, 31), "Memorial Day", false),
            new Holiday(D(2027, 6, 18), "Juneteenth", true),
            new Holiday(D(2027, 7, 5), "Independence Day", true),
            new Holiday(D(2027, 9, 6), "Labor Day", false),
            new Holiday(D(2027, 10, 11), "Columbus Day and Yorktown Victory Day", false),
            new Holiday(D(2027, 11, 2), "Election Day", false),
            new Holiday(D(2027, 11, 11), "Veterans Day", false),
            new Holiday(D(2027, 11, 25), "Thanksgiving Day", false),
            new Holiday(D(2027, 11, 26), "Day after Thanksgiving", false),
            new Holiday(D(2027, 12, 24), "Christmas Day", true),
            new Holiday(D(2027, 12, 31), "New Year's Day", true),
        ]);
    }

    [Test]
    public void New_year_on_a_saturday_is_observed_on_december_31_of_the_year_before()
    {
        var calendar = Calendar();

        calendar.IsHoliday(D(2021, 12, 31)).ShouldBeTrue();
        calendar.IsBusinessDay(D(2021, 12, 31)).ShouldBeFalse();
        calendar.HolidaysIn(2021)[^1].ShouldBe(new Holiday(D(2021, 12, 31), "New Year's Day", true));
        calendar.HolidaysIn(2022).ShouldNotContain(h => h.Name == "New Year's Day");
        calendar.IsBusinessDay(D(2022, 1, 3)).ShouldBeTrue();
    }

    [Test]
    public void Before_2020_lee_jackson_day_is_a_holiday_and_election_day_and_juneteenth_are_not()
    {
        var holidays = Calendar().HolidaysIn(2019);

        holidays.ShouldContain(new Holiday(D(2019, 1, 18), "Lee-Jackson Day", false));
        holidays.ShouldNotContain(h => h.Name == "Election Day" || h.Name == "Juneteenth");
    }

    [Test]
    public void Rolled_deadline_landing_on_the_day_after_thanksgiving_moves_to_monday()
    {
        Calendar().AddCalendarDaysRolled(D(2026, 10, 28), 30).ShouldBe(D(2026, 11, 30));
    }

    [Test]
    public void Rolled_deadline_landing_on_christmas_moves_past_the_weekend_to_monday()
    {
        Calendar().AddCalendarDaysRolled(D(2026, 11, 25), 30).ShouldBe(D(2026, 12, 28));
    }

    [Test]
    public void Rolled_deadline_landing_on_juneteenth_moves_past_the_weekend_to_monday()
    {
        Calendar().AddCalendarDaysRolled(D(2026, 5, 20), 30).ShouldBe(D(2026, 6, 22));
    }

    [Test]
    public void Rolled_deadline_landing_on_observed_independence_day_moves_to_monday()
    {
        Calendar().AddCalendarDaysRolled(D(2026, 6, 3), 30).ShouldBe(D(2026, 7, 6));
    }

    [Test]
    public void Rolled_deadline_landing_on_election_day_moves_to_wednesday()
    {
        Calendar().AddCalendarDaysRolled(D(2026, 10, 4), 30).ShouldBe(D(2026, 11, 4));
    }

    [Test]
    public void Rolled_deadline_on_a_business_day_counts_the_last_day_but_not_the_trigger_day()
    {
        Calendar().AddCalendarDaysRolled(D(2026, 11, 2), 30).ShouldBe(D(2026, 12, 2));
    }

    [Test]
    public void Rolled_deadline_landing_on_new_years_day_crosses_the_year_and_moves_to_monday()
    {
        Calendar().AddCalendarDaysRolled(D(2026, 12, 2), 30).ShouldBe(D(2027, 1, 4));
    }

    [Test]
    public void Rolled_deadline_landing_on_a_january_saturday_moves_to_monday()
    {
        Calendar().AddCalendarDaysRolled(D(2026, 12, 10), 30).ShouldBe(D(2027, 1, 11));
    }

    [Test]
    public void Rolled_deadline_landing_on_new_year_observed_on_december_31_moves_into_the_next_year()
    {
        Calendar().AddCalendarDaysRolled(D(2027, 12, 1), 30).ShouldBe(D(2028, 1, 3));
    }

    [Test]
    public void Two_business_days_after_the_day_before_thanksgiving_is_the_following_tuesday()
    {
        Calendar().AddBusinessDays(D(2026, 11, 25), 2).ShouldBe(D(2026, 12, 1));
    }

    [Test]
    public void Five_business_days_before_a_monday_hearing_skips_christmas_and_the_weekend()
    {
        Calendar().AddBusinessDays(D(2026, 12, 28), -5).ShouldBe(D(2026, 12, 18));
    }

    [Test]
    public void Zero_business_days_is_the_start_day_itself()
    {
        Calendar().AddBusinessDays(D(2026, 11, 26), 0).ShouldBe(D(2026, 11, 26));
    }

    [Test]
    public void Age_in_business_days_skips_thanksgiving_and_the_weekend()
    {
        var calendar = Calendar();

        calendar.BusinessDaysBetween(D(2026, 11, 25), D(2026, 11, 25)).ShouldBe(0);
        calendar.BusinessDaysBetween(D(2026, 11, 25), D(2026, 11, 27)).ShouldBe(0);
        calendar.BusinessDaysBetween(D(2026, 11, 25), D(2026, 11, 30)).ShouldBe(1);
        calendar.BusinessDaysBetween(D(2026, 11, 25), D(2026, 12, 1)).ShouldBe(2);
        calendar.BusinessDaysBetween(D(2026, 12, 1), D(2026, 11, 25)).ShouldBe(0);
    }

    [Test]
    public void Next_business_day_on_or_after_keeps_a_business_day_and_skips_a_holiday_weekend()
    {
        var calendar = Calendar();

        calendar.NextBusinessDayOnOrAfter(D(2026, 11, 25)).ShouldBe(D(2026, 11, 25));
        calendar.NextBusinessDayOnOrAfter(D(2026, 11, 26)).ShouldBe(D(2026, 11, 30));
    }

    [Test]
    public void Governor_declared_closure_is_not_a_business_day_but_not_a_legal_holiday()
    {
        var calendar = Calendar(D(2026, 12, 24));

        calendar.IsBusinessDay(D(2026, 12, 24)).ShouldBeFalse();
        calendar.IsHoliday(D(2026, 12, 24)).ShouldBeFalse();
        calendar.AddBusinessDays(D(2026, 12, 28), -5).ShouldBe(D(2026, 12, 17));
        calendar.AddCalendarDaysRolled(D(2026, 11, 24), 30).ShouldBe(D(2026, 12, 28));
    }

    [Test]
    public void Additional_closures_are_read_from_configuration_and_an_earlier_registered_clock_wins()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Aims:Calendar:AdditionalClosures:0"] = "2026-12-24" })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddBusinessCalendar(configuration)
            .BuildServiceProvider();

        var calendar = services.GetRequiredService<BusinessCalendar>();

        calendar.IsBusinessDay(D(2026, 12, 24)).ShouldBeFalse();
        calendar.Today().ShouldBe(D(2026, 11, 23));
    }

    [Test]
    public void Today_is_the_new_york_date_not_the_utc_date_near_midnight()
    {
        var calendar = Calendar();

        clock.SetUtcNow(DateTimeOffset.Parse("2026-11-23T03:30:00Z"));
        calendar.Today().ShouldBe(D(2026, 11, 22));

        clock.SetUtcNow(DateTimeOffset.Parse("2026-11-23T05:00:00Z"));
        calendar.Today().ShouldBe(D(2026, 11, 23));
    }

    [TestCase("2026-07-01T03:59:00Z", "2026-06-30")]
    [TestCase("2026-07-01T04:00:00Z", "2026-07-01")]
    [TestCase("2026-03-08T06:59:00Z", "2026-03-08")]
    [TestCase("2026-03-08T04:59:00Z", "2026-03-07")]
    [TestCase("2026-11-01T03:59:00Z", "2026-10-31")]
    [TestCase("2026-11-01T06:30:00Z", "2026-11-01")]
    [TestCase("2026-11-02T04:59:00Z", "2026-11-01")]
    public void Local_date_of_an_instant_follows_new_york_daylight_saving(string instant, string expected)
    {
        Calendar().ToLocalDate(DateTimeOffset.Parse(instant)).ShouldBe(DateOnly.Parse(expected));
    }

    [Test]
    public void Nine_in_the_morning_is_13_utc_in_daylight_time_and_14_utc_in_standard_time()
    {
        var calendar = Calendar();
        var nine = new TimeOnly(9, 0);

        var march = calendar.AtLocalTime(D(2026, 3, 9), nine);
        march.UtcDateTime.ShouldBe(new DateTime(2026, 3, 9, 13, 0, 0, DateTimeKind.Utc));
        march.Offset.ShouldBe(TimeSpan.FromHours(-4));

        var november = calendar.AtLocalTime(D(2026, 11, 23), nine);
        november.UtcDateTime.ShouldBe(new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc));
        november.Offset.ShouldBe(TimeSpan.FromHours(-5));
    }

    [Test]
    public void Local_times_inside_a_clock_change_resolve_to_standard_time()
    {
        var calendar = Calendar();

        // 02:30 does not exist on 2026-03-08; 01:30 happens twice on 2026-11-01.
        calendar.AtLocalTime(D(2026, 3, 8), new TimeOnly(2, 30)).UtcDateTime
            .ShouldBe(new DateTime(2026, 3, 8, 7, 30, 0, DateTimeKind.Utc));
        calendar.AtLocalTime(D(2026, 11, 1), new TimeOnly(1, 30)).UtcDateTime
            .ShouldBe(new DateTime(2026, 11, 1, 6, 30, 0, DateTimeKind.Utc));
    }

    [Test]
    public void A_local_time_round_trips_to_its_new_york_date()
    {
        var calendar = Calendar();
        var lateEvening = calendar.AtLocalTime(D(2026, 12, 31), new TimeOnly(23, 59));

        calendar.ToLocalDate(lateEvening).ShouldBe(D(2026, 12, 31));
    }
}
