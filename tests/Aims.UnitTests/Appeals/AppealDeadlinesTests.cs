using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Time;
using Microsoft.Extensions.Options;

namespace Aims.UnitTests.Appeals;

/// <summary>Worked examples for every appeal date rule, on the 2026–27 Virginia holiday calendar.</summary>
public sealed class AppealDeadlinesTests
{
    private readonly AppealDeadlines deadlines = new(
        new BusinessCalendar(TimeProvider.System, Options.Create(new CalendarOptions())),
        Options.Create(new AppealRulesOptions()));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Test]
    public void Provider_informal_appeal_filed_on_day_30_is_timely_and_on_day_31_is_late()
    {
        // Emailed notice Tue 2026-09-01 is received that day; day 30 is Thu 2026-10-01, a business day.
        var window = deadlines.ProviderInformalWindow(D(2026, 9, 1), ReceiptMethod.Email);

        window.ReceivedOn.ShouldBe(D(2026, 9, 1));
        window.LastDay.ShouldBe(D(2026, 10, 1));
        window.IsTimely(D(2026, 10, 1)).ShouldBeTrue();
        window.IsTimely(D(2026, 10, 2)).ShouldBeFalse();
    }

    [Test]
    public void Mailed_notice_is_presumed_received_three_days_later_and_a_last_day_on_thanksgiving_rolls_to_monday()
    {
        // Mailed Sat 2026-10-24 → received Tue 10-27; day 30 is Thu 11-26 (Thanksgiving), Fri 11-27 is a holiday too,
        // then the weekend: the last day is Mon 2026-11-30.
        var window = deadlines.ProviderInformalWindow(D(2026, 10, 24), ReceiptMethod.Mail);

        window.ReceivedOn.ShouldBe(D(2026, 10, 27));
        window.LastDay.ShouldBe(D(2026, 11, 30));
    }

    [Test]
    public void Email_fax_and_portal_notices_count_from_the_same_day()
    {
        foreach (var method in new[] { ReceiptMethod.Email, ReceiptMethod.Fax, ReceiptMethod.Portal })
        {
            deadlines.ProviderInformalWindow(D(2026, 10, 27), method).ReceivedOn.ShouldBe(D(2026, 10, 27), method.ToString());
        }
    }

    [Test]
    public void A_last_day_on_a_saturday_rolls_to_monday()
    {
        // Emailed Thu 2026-10-01: day 30 is Sat 10-31 → Mon 2026-11-02.
        deadlines.ProviderInformalWindow(D(2026, 10, 1), ReceiptMethod.Email).LastDay.ShouldBe(D(2026, 11, 2));
    }

    [Test]
    public void Provider_formal_appeal_is_due_30_days_after_receipt_of_the_informal_decision()
    {
        // Informal decision mailed Fri 2026-12-04 → received Mon 12-07; day 30 is Wed 2027-01-06.
        deadlines.ProviderFormalWindow(D(2026, 12, 4), ReceiptMethod.Mail).LastDay.ShouldBe(D(2027, 1, 6));
    }

    [Test]
    public void Client_notice_is_presumed_received_five_days_after_its_date_and_a_last_day_on_christmas_rolls()
    {
        // Notice Fri 2026-11-20 → received Wed 11-25; day 30 is Fri 12-25 (Christmas) → Mon 2026-12-28.
        var window = deadlines.ClientWindow(D(2026, 11, 20));

        window.ReceivedOn.ShouldBe(D(2026, 11, 25));
        window.LastDay.ShouldBe(D(2026, 12, 28));
    }

    [Test]
    public void Client_window_across_the_year_boundary_skips_new_years_day_and_the_weekend()
    {
        // Notice Fri 2026-11-27 → received Wed 12-02; day 30 is Fri 2027-01-01 (New Year's Day) → Mon 2027-01-04.
        deadlines.ClientWindow(D(2026, 11, 27)).LastDay.ShouldBe(D(2027, 1, 4));
    }

    [Test]
    public void Mco_member_has_120_days_plus_5_mailing_days_and_a_last_day_on_election_day_rolls()
    {
        // MCO final decision Wed 2026-07-01 → +5 = Mon 07-06; day 120 is Tue 2026-11-03 (Election Day) → Wed 11-04.
        var window = deadlines.McoMemberWindow(D(2026, 7, 1));

        window.ReceivedOn.ShouldBe(D(2026, 7, 6));
        window.LastDay.ShouldBe(D(2026, 11, 4));
    }

    [Test]
    public void Benefits_continue_when_filed_within_10_days_of_the_notice_rolled_past_juneteenth()
    {
        // Notice Tue 2026-06-09: day 10 is Fri 06-19 (Juneteenth) → Mon 2026-06-22.
        deadlines.ContinuesBenefits(D(2026, 6, 9), effectiveDate: null, filedOn: D(2026, 6, 22)).ShouldBeTrue();
        deadlines.ContinuesBenefits(D(2026, 6, 9), effectiveDate: null, filedOn: D(2026, 6, 23)).ShouldBeFalse();
    }

    [Test]
    public void Benefits_continue_when_filed_before_the_effective_date_even_after_10_days()
    {
        deadlines.ContinuesBenefits(D(2026, 6, 9), D(2026, 7, 1), filedOn: D(2026, 6, 30)).ShouldBeTrue();
        deadlines.ContinuesBenefits(D(2026, 6, 9), D(2026, 7, 1), filedOn: D(2026, 7, 1)).ShouldBeFalse();
    }

    [Test]
    public void Proof_of_authority_is_due_10_days_after_filing_rolled_past_thanksgiving()
    {
        // Filed Mon 2026-11-16: day 10 is Thu 11-26 (Thanksgiving) → Mon 2026-11-30.
        deadlines.AuthorityProofDue(D(2026, 11, 16)).ShouldBe(D(2026, 11, 30));
    }

    [Test]
    public void Expedited_decisions_count_working_days_skipping_thanksgiving()
    {
        // Filed Wed 2026-11-25; Thu/Fri are holidays: working days Mon 11-30, Tue 12-01, Wed 12-02 ...
        deadlines.ExpeditedDecisionDue(D(2026, 11, 25), ExpeditedTrack.Services).ShouldBe(D(2026, 12, 2));
        deadlines.ExpeditedDecisionDue(D(2026, 11, 25), ExpeditedTrack.Eligibility).ShouldBe(D(2026, 12, 8));
    }

    [Test]
    public void Client_decision_is_due_90_days_after_the_request_plus_days_waived_by_appellant_reschedules()
    {
        deadlines.ClientDecisionDue(D(2026, 11, 2), waivedDays: 0).ShouldBe(D(2027, 1, 31));
        deadlines.ClientDecisionDue(D(2026, 11, 2), waivedDays: 14).ShouldBe(D(2027, 2, 14));
    }

    [Test]
    public void Provider_decision_clocks_180_120_and_60_days()
    {
        deadlines.InformalDecisionDue(D(2026, 6, 1)).ShouldBe(D(2026, 11, 28));
        deadlines.RecommendedDecisionDue(D(2026, 6, 1)).ShouldBe(D(2026, 9, 29));
        deadlines.FinalDecisionDue(D(2026, 9, 29)).ShouldBe(D(2026, 11, 28));
    }

    [Test]
    public void A_portal_filing_counts_on_the_new_york_date_of_the_server_clock()
    {
        // 04:30 UTC on 11-24 is 23:30 on 11-23 in New York (EST).
        deadlines.FiledOn(new DateTimeOffset(2026, 11, 24, 4, 30, 0, TimeSpan.Zero)).ShouldBe(D(2026, 11, 23));
    }

    [Test]
    public void A_client_summary_is_due_five_business_days_before_the_hearing_skipping_martin_luther_king_day()
    {
        // Hearing Tue 2027-01-19; Mon 01-18 is MLK Day: back five business days is Mon 2027-01-11.
        deadlines.SummaryDue(Aims.Appeals.Contracts.AppealKind.Client, expedited: false, D(2027, 1, 19), null).ShouldBe(D(2027, 1, 11));
        // A conference on Thu 2026-12-03 counts back over Thanksgiving and the day after: Tue 2026-11-24.
        deadlines.SummaryDue(Aims.Appeals.Contracts.AppealKind.ProviderInformal, expedited: false, D(2026, 12, 3), null).ShouldBe(D(2026, 11, 24));
    }

    [Test]
    public void An_expedited_client_summary_is_due_when_the_hearing_officer_says()
    {
        deadlines.SummaryDue(Aims.Appeals.Contracts.AppealKind.Client, expedited: true, D(2026, 11, 27), D(2026, 11, 25)).ShouldBe(D(2026, 11, 25));
        deadlines.SummaryDue(Aims.Appeals.Contracts.AppealKind.Client, expedited: true, D(2026, 11, 27), null).ShouldBeNull();
    }

    [Test]
    public void Good_cause_for_a_no_show_runs_ten_days_and_a_petition_to_vacate_fifteen()
    {
        // Hearing Mon 2026-11-16: day 10 is Thanksgiving, then the day after and a weekend: Mon 2026-11-30.
        deadlines.GoodCauseBy(D(2026, 11, 16)).ShouldBe(D(2026, 11, 30));
        // Defaulted Mon 2026-11-30: day 15 is Tue 2026-12-15.
        deadlines.PetitionToVacateBy(D(2026, 11, 30)).ShouldBe(D(2026, 12, 15));
    }

    [Test]
    public void The_step_after_each_decision_has_its_own_day()
    {
        // Decided Mon 2026-11-23: a formal appeal by Wed 12-23, exceptions by Mon 12-07, circuit court by Wed 12-23.
        deadlines.FurtherAppealBy(Aims.Appeals.Model.DecisionLevel.Informal, D(2026, 11, 23)).ShouldBe(D(2026, 12, 23));
        deadlines.FurtherAppealBy(Aims.Appeals.Model.DecisionLevel.Recommended, D(2026, 11, 23)).ShouldBe(D(2026, 12, 7));
        deadlines.FurtherAppealBy(Aims.Appeals.Model.DecisionLevel.Hearing, D(2026, 11, 23)).ShouldBe(D(2026, 12, 23));
        // A final decision due 60 days after a recommendation of Mon 2026-11-23: Fri 2027-01-22, not rolled.
        deadlines.FinalDecisionDue(D(2026, 11, 23)).ShouldBe(D(2027, 1, 22));
    }
}
