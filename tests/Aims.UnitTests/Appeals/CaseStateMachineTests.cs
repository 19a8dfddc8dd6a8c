using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Errors;

namespace Aims.UnitTests.Appeals;

/// <summary>
/// Every allowed and refused step of an appeal after filing, on the appeal itself. Dates are the 2026–27 calendar;
/// times are New York (EST, UTC−5).
/// </summary>
public sealed class CaseStateMachineTests
{
    private static readonly Person Worker = new(Guid.NewGuid(), "Casey Worker");
    private static readonly Person Officer = new(Guid.NewGuid(), "Harper Officer");
    private static readonly DateOnly FiledOn = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Eastern(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(-5));

    private static Hearing HearingOn(DateTimeOffset at, bool conference = false) => new(conference, at, HearingChannel.Telephone, "Call 804-555-0100, code 4411", null);

    private static Appeal Client(bool timely = true, ExpeditedTrack? expedited = null, DateOnly? authorityDue = null, McoExhaustion? mco = null)
    {
        var appeal = new Appeal();
        appeal.When(new ClientAppealFiled(
            "CL-2026-000001", Worker, authorityDue is null ? FilerCapacity.Self : FilerCapacity.AuthorizedRepresentative, "Maria Lopez", "100000000001", null,
            "BenefitsReduced", "Hours cut.", new DateOnly(2026, 11, 10), null, false, expedited, expedited is null ? null : "Urgent", mco,
            new ContactDetails("Maria Lopez", "804-555-0177", "maria@example.com"), FiledOn, new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 15), timely,
            expedited is null ? new DateOnly(2027, 2, 21) : new DateOnly(2026, 11, 30), authorityDue));
        return appeal;
    }

    private static Appeal Informal()
    {
        var appeal = new Appeal();
        appeal.When(new InformalAppealFiled(
            "PI-2026-000001", Worker, new ProviderRef(Guid.NewGuid(), "Blue Ridge Clinic", "1234567893"), null, "ClaimDenial", new DateOnly(2026, 11, 10), ReceiptMethod.Email,
            null, [new DisputedItem("CLM-1", 100m, "Authorized.")], "Pay it.", new ContactDetails("Lee Park", "540-555-0142", "lee@clinic.example"),
            FiledOn, new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 10), true, new DateOnly(2027, 5, 22)));
        return appeal;
    }

    private static Appeal Formal()
    {
        var appeal = new Appeal();
        appeal.When(new FormalAppealFiled(
            "PF-2026-000001", Worker, new ProviderRef(Guid.NewGuid(), "Blue Ridge Clinic", "1234567893"), null, Guid.NewGuid(), "PI-2026-000001",
            new DateOnly(2026, 11, 2), ReceiptMethod.Email, "Wrong rate.", new ContactDetails("Lee Park", "540-555-0142", "lee@clinic.example"),
            FiledOn, FiledOn, new DateOnly(2026, 12, 2), true, new DateOnly(2027, 3, 23)));
        return appeal;
    }

    private static T Applied<T>(Appeal appeal, T change) where T : notnull
    {
        appeal.When(change);
        return change;
    }

    private static Appeal Scheduled(Appeal appeal, DateTimeOffset at)
    {
        Applied(appeal, appeal.Docket(Worker, FiledOn, null));
        Applied(appeal, appeal.Schedule(HearingOn(at, appeal.Kind == AppealKind.ProviderInformal), Worker, Now));
        return appeal;
    }

    private static DecisionParts Parts => new("Filed 11/23/2026.", "Hours were cut.", "12VAC30-110.", "The notice was wrong.", "Restore the hours.", new DateOnly(2027, 2, 15), "Dear Maria Lopez…");

    [Test]
    public void A_timely_appeal_is_docketed_and_cannot_be_docketed_twice()
    {
        var appeal = Client();
        var docketed = Applied(appeal, appeal.Docket(Worker, FiledOn, "ignored"));

        docketed.GoodCause.ShouldBeNull();
        appeal.Status.ShouldBe(AppealStatus.Docketed);
        Should.Throw<RuleViolationException>(() => appeal.Docket(Worker, FiledOn, null)).Message.ShouldBe("CL-2026-000001 is docketed: it cannot be docketed now.");
    }

    [Test]
    public void A_late_appeal_is_docketed_only_on_good_cause_which_is_recorded()
    {
        var appeal = Client(timely: false);
        appeal.Flags.ShouldBe([AppealFlag.FiledLate]);

        Should.Throw<RuleViolationException>(() => appeal.Docket(Worker, FiledOn, "  ")).Message
            .ShouldBe("CL-2026-000001 was filed after the last day to file (12/15/2026). Docket it only on good cause, and say what the good cause is.");
        appeal.Docket(Worker, FiledOn, " Hospitalized until 12/20. ").GoodCause.ShouldBe("Hospitalized until 12/20.");
    }

    [Test]
    public void Intake_flags_an_unexhausted_mco_appeal_and_missing_authority()
    {
        Client(mco: new McoExhaustion(null, false)).Flags.ShouldBe([AppealFlag.McoAppealNotExhausted]);
        Client(mco: new McoExhaustion(null, true)).Flags.ShouldBeEmpty();
        var represented = Client(authorityDue: new DateOnly(2026, 12, 3));
        represented.Flags.ShouldBe([AppealFlag.AwaitingAuthorityProof]);
        represented.When(new AuthorityProofOverdue(new DateOnly(2026, 12, 3)));
        represented.Flags.ShouldBe([AppealFlag.AuthorityNotProven]);
    }

    [Test]
    public void A_dismissed_appeal_is_closed_to_every_further_step()
    {
        var appeal = Client();
        var dismissed = Applied(appeal, appeal.Dismiss(Worker, FiledOn, DismissalReason.Duplicate, "Same as CL-2026-000000.", new DateOnly(2026, 12, 8)));

        dismissed.PetitionToVacateBy.ShouldBeNull();
        appeal.Status.ShouldBe(AppealStatus.Dismissed);
        appeal.IsClosed.ShouldBeTrue();
        appeal.RunningClock.ShouldBeNull();
        Should.Throw<RuleViolationException>(() => appeal.Docket(Worker, FiledOn, null)).Message.ShouldStartWith("CL-2026-000001 is dismissed (on 11/23/2026): a closed appeal cannot be docketed.");
        Should.Throw<RuleViolationException>(() => appeal.Withdraw(Worker, FiledOn, null));
        Should.Throw<RuleViolationException>(() => appeal.Assign(CaseRole.CaseWorker, Worker, Worker, null));
        Should.Throw<RuleViolationException>(() => appeal.Dismiss(Worker, FiledOn, DismissalReason.Untimely, null, null));
    }

    [Test]
    public void Dismissals_for_a_no_show_or_unproven_authority_need_their_facts()
    {
        Should.Throw<RuleViolationException>(() => Client().Dismiss(Worker, FiledOn, DismissalReason.NoShowWithoutGoodCause, null, null)).Message
            .ShouldStartWith("No missed hearing is recorded on CL-2026-000001");
        Should.Throw<RuleViolationException>(() => Client().Dismiss(Worker, FiledOn, DismissalReason.AuthorityNotProven, null, null)).Message
            .ShouldBe("CL-2026-000001 was not filed by a representative who must prove authority.");
        Client(authorityDue: new DateOnly(2026, 12, 3)).Dismiss(Worker, FiledOn, DismissalReason.AuthorityNotProven, null, null).Reason.ShouldBe(DismissalReason.AuthorityNotProven);
    }

    [Test]
    public void The_decider_fits_the_kind_of_appeal_and_a_reassignment_replaces_the_person()
    {
        var informal = Informal();
        Should.Throw<RuleViolationException>(() => informal.Assign(CaseRole.HearingOfficer, Officer, Worker, null)).Message
            .ShouldBe("PI-2026-000001 is an informal appeal: an informal appeals agent decides it, not a hearing officer.");
        Should.Throw<RuleViolationException>(() => Client().Assign(CaseRole.InformalAppealsAgent, Officer, Worker, null));

        var client = Client();
        Applied(client, client.Assign(CaseRole.HearingOfficer, Officer, Worker, null));
        client.Decider.ShouldBe(Officer);
        Should.Throw<RuleViolationException>(() => client.Assign(CaseRole.HearingOfficer, Officer, Worker, null)).Message.ShouldBe("Harper Officer is already assigned to CL-2026-000001.");
        var other = new Person(Guid.NewGuid(), "Riley Officer");
        Applied(client, client.Assign(CaseRole.HearingOfficer, other, Worker, "Conflict of interest"));
        client.Decider.ShouldBe(other);
    }

    [Test]
    public void Only_a_docketed_appeal_is_scheduled_for_a_time_still_ahead_and_a_scheduled_one_is_rescheduled_instead()
    {
        var appeal = Client();
        var at = Eastern(2027, 1, 12, 10);
        Should.Throw<RuleViolationException>(() => appeal.Schedule(HearingOn(at), Worker, Now)).Message.ShouldBe("CL-2026-000001 is filed: it cannot be scheduled now.");

        Applied(appeal, appeal.Docket(Worker, FiledOn, null));
        Should.Throw<RuleViolationException>(() => appeal.Schedule(HearingOn(Eastern(2026, 11, 23, 9)), Worker, Now)).Message
            .ShouldBe("Choose a date and time for the hearing that is still ahead.");
        Applied(appeal, appeal.Schedule(HearingOn(at), Worker, Now));
        appeal.Status.ShouldBe(AppealStatus.Scheduled);
        Should.Throw<RuleViolationException>(() => appeal.Schedule(HearingOn(at.AddDays(1)), Worker, Now)).Message
            .ShouldBe("The hearing on CL-2026-000001 is already scheduled: reschedule it instead, with the reason.");
    }

    [Test]
    public void Appellant_reschedules_extend_the_90_day_clock_and_a_third_needs_a_compelling_reason()
    {
        // Filed 11/23/2026: decision due 02/21/2027. Hearing Tue 01/12/2027 10:00.
        var appeal = Scheduled(Client(), Eastern(2027, 1, 12, 10));
        appeal.RunningClock!.Due.ShouldBe(new DateOnly(2027, 2, 21));

        // The appellant asks to move it to Tue 01/26: 14 days → due 03/07/2027.
        var first = Applied(appeal, appeal.Reschedule(HearingOn(Eastern(2027, 1, 26, 10)), "Appellant in hospital", true, null, Worker, Now));
        first.WaivedDays.ShouldBe(14);
        first.PreviousStart.ShouldBe(Eastern(2027, 1, 12, 10));
        appeal.RunningClock!.Due.ShouldBe(new DateOnly(2027, 3, 7));

        // The division moves it to 01/27: no waiver.
        Applied(appeal, appeal.Reschedule(HearingOn(Eastern(2027, 1, 27, 10)), "Officer ill", false, null, Worker, Now)).WaivedDays.ShouldBe(0);

        // The appellant asks again, to 02/03: 7 more days → 03/14/2027.
        Applied(appeal, appeal.Reschedule(HearingOn(Eastern(2027, 2, 3, 10)), "Representative unavailable", true, null, Worker, Now));
        appeal.RunningClock!.Due.ShouldBe(new DateOnly(2027, 3, 14));
        appeal.AppellantReschedules.ShouldBe(2);

        Should.Throw<RuleViolationException>(() => appeal.Reschedule(HearingOn(Eastern(2027, 2, 10, 10)), "Again", true, null, Worker, Now)).Message
            .ShouldBe("The appellant has already had 2 reschedules on CL-2026-000001; another needs a compelling reason, recorded.");
        var third = appeal.Reschedule(HearingOn(Eastern(2027, 2, 10, 10)), "Again", true, "Surgery scheduled by the hospital", Worker, Now);
        third.CompellingReason.ShouldBe("Surgery scheduled by the hospital");
        Should.Throw<RuleViolationException>(() => appeal.Reschedule(HearingOn(Eastern(2027, 2, 10, 10)), " ", false, null, Worker, Now)).Message.ShouldBe("Say why the hearing is moved.");
    }

    [Test]
    public void Rescheduling_a_provider_conference_never_moves_a_statutory_clock()
    {
        var appeal = Scheduled(Informal(), Eastern(2027, 1, 12, 10));
        Applied(appeal, appeal.Reschedule(HearingOn(Eastern(2027, 2, 12, 10), conference: true), "Provider asked", true, null, Worker, Now)).WaivedDays.ShouldBe(0);
        appeal.RunningClock!.Due.ShouldBe(new DateOnly(2027, 5, 22));
    }

    [Test]
    public void A_client_summary_needs_every_part_and_one_after_its_due_date_is_marked_late()
    {
        var appeal = Client();
        Applied(appeal, appeal.Docket(Worker, FiledOn, null));
        Applied(appeal, appeal.Schedule(HearingOn(Eastern(2027, 1, 19, 10)) with { SummaryDue = new DateOnly(2027, 1, 11) }, Worker, Now));
        var missing = new CaseSummaryParts("CL-2026-000001", "", "Facts", "12VAC30-110", "Notice of 11/10/2026");
        Should.Throw<RuleViolationException>(() => appeal.FileCaseSummary(Worker, FiledOn, missing, [])).Message.ShouldStartWith("A client appeal summary needs every part");

        var parts = missing with { ResponsibleAgency = "Richmond DSS" };
        appeal.FileCaseSummary(Worker, new DateOnly(2027, 1, 11), parts, []).OnTime.ShouldBeTrue();
        appeal.FileCaseSummary(Worker, new DateOnly(2027, 1, 12), parts, []).OnTime.ShouldBeFalse();

        // A provider's case summary may be brief: only the facts are required (by the form).
        Informal().FileCaseSummary(Worker, FiledOn, new CaseSummaryParts("", "", "Audit findings", "", ""), []).OnTime.ShouldBeTrue();
    }

    [Test]
    public void A_no_show_opens_the_good_cause_window_and_good_cause_sends_the_appeal_back_to_scheduling()
    {
        var appeal = Scheduled(Client(), Eastern(2027, 1, 12, 10));
        Should.Throw<RuleViolationException>(() => appeal.RecordNoShow(Worker, Now, new DateOnly(2027, 1, 22))).Message.ShouldBe("The hearing on CL-2026-000001 has not happened yet.");

        var after = Eastern(2027, 1, 12, 11);
        var noShow = Applied(appeal, appeal.RecordNoShow(Worker, after, new DateOnly(2027, 1, 22)));
        noShow.HearingOn.ShouldBe(new DateOnly(2027, 1, 12));
        appeal.NextDeadline!.Kind.ShouldBe(DeadlineKind.GoodCause);
        Should.Throw<RuleViolationException>(() => appeal.RecordNoShow(Worker, after, new DateOnly(2027, 1, 22)));
        Should.Throw<RuleViolationException>(() => appeal.Decide(new DecisionIssued(DecisionLevel.Hearing, new DateOnly(2027, 1, 13), "Sustained", "", Officer, null, Parts: Parts), after))
            .Message.ShouldBe("The good-cause window for the missed hearing is open until 01/22/2027.");

        Applied(appeal, appeal.AcceptGoodCause(Worker, new DateOnly(2027, 1, 15), "Car accident on the way"));
        appeal.Status.ShouldBe(AppealStatus.Docketed);
        appeal.Hearing.ShouldBeNull();
        Should.Throw<RuleViolationException>(() => appeal.AcceptGoodCause(Worker, new DateOnly(2027, 1, 15), "Again")).Message.ShouldBe("No missed hearing is recorded on CL-2026-000001.");
    }

    [Test]
    public void A_provider_who_did_not_appear_is_defaulted_with_fifteen_days_to_petition_and_a_client_is_simply_closed()
    {
        var informal = Scheduled(Informal(), Eastern(2027, 1, 12, 10));
        Applied(informal, informal.RecordNoShow(Worker, Eastern(2027, 1, 12, 11), new DateOnly(2027, 1, 22)));
        informal.Dismiss(Worker, new DateOnly(2027, 1, 25), DismissalReason.NoShowWithoutGoodCause, null, new DateOnly(2027, 2, 9)).PetitionToVacateBy.ShouldBe(new DateOnly(2027, 2, 9));

        var client = Scheduled(Client(), Eastern(2027, 1, 12, 10));
        Applied(client, client.RecordNoShow(Worker, Eastern(2027, 1, 12, 11), new DateOnly(2027, 1, 22)));
        client.Dismiss(Worker, new DateOnly(2027, 1, 25), DismissalReason.NoShowWithoutGoodCause, null, new DateOnly(2027, 2, 9)).PetitionToVacateBy.ShouldBeNull();
    }

    [Test]
    public void A_client_decision_needs_its_seven_parts_after_the_hearing_and_closes_the_case()
    {
        var appeal = Scheduled(Client(), Eastern(2027, 1, 12, 10));
        var decidedOn = new DateOnly(2027, 1, 13);
        var afterHearing = Eastern(2027, 1, 13, 9);
        Should.Throw<RuleViolationException>(() => appeal.Decide(new DecisionIssued(DecisionLevel.Hearing, decidedOn, "Reversed", "", Officer, null, Parts: Parts), Now))
            .Message.ShouldBe("The hearing on CL-2026-000001 has not been held yet.");
        Should.Throw<RuleViolationException>(() => appeal.Decide(new DecisionIssued(DecisionLevel.Hearing, decidedOn, "Reversed", "text", Officer, null), afterHearing))
            .Message.ShouldBe("A client hearing decision needs all seven parts (12VAC30-110-370).");
        Should.Throw<RuleViolationException>(() => appeal.Decide(new DecisionIssued(DecisionLevel.Informal, decidedOn, "Reversed", "text", Officer, null), afterHearing))
            .Message.ShouldBe("The next decision on CL-2026-000001 is the hearing decision, not the informal decision.");

        Applied(appeal, appeal.Decide(new DecisionIssued(DecisionLevel.Hearing, decidedOn, "Reversed", "text", Officer, new DateOnly(2027, 2, 12), Parts: Parts), afterHearing));
        appeal.Status.ShouldBe(AppealStatus.Decided);
        appeal.Clocks.Single().MetOn.ShouldBe(decidedOn);
        appeal.NextDeadline!.ShouldBe(new NextDeadline(new DateOnly(2027, 2, 12), DeadlineKind.FurtherAppeal));
    }

    [Test]
    public void A_recommended_decision_waits_fourteen_days_for_exceptions_before_the_final_decision()
    {
        // Formal appeal filed 11/23/2026: recommendation due 03/23/2027. Recommended 01/13/2027: exceptions to 01/27, final due 03/14/2027.
        var appeal = Scheduled(Formal(), Eastern(2027, 1, 12, 10));
        Applied(appeal, appeal.Decide(new DecisionIssued(DecisionLevel.Recommended, new DateOnly(2027, 1, 13), "Sustained", "text", Officer, new DateOnly(2027, 1, 27), FinalDecisionDue: new DateOnly(2027, 3, 14)), Eastern(2027, 1, 13, 9)));
        appeal.Status.ShouldBe(AppealStatus.RecommendedDecision);
        appeal.NextDecisionLevel.ShouldBe(DecisionLevel.Final);
        appeal.RunningClock.ShouldBe(new StatutoryClock(DecisionClockKind.FinalDecision, new DateOnly(2027, 3, 14), null));
        appeal.NextDeadline!.Kind.ShouldBe(DeadlineKind.Exceptions);

        Should.Throw<RuleViolationException>(() => appeal.Decide(new DecisionIssued(DecisionLevel.Final, new DateOnly(2027, 1, 27), "Sustained", "text", Worker, null), Eastern(2027, 1, 27, 9)))
            .Message.ShouldBe("Exceptions to the recommended decision may be filed until 01/27/2027; the final decision comes after that.");
        Applied(appeal, appeal.Decide(new DecisionIssued(DecisionLevel.Final, new DateOnly(2027, 1, 28), "Sustained", "text", Worker, null), Eastern(2027, 1, 28, 9)));
        appeal.Status.ShouldBe(AppealStatus.Decided);
        appeal.Clocks.Select(c => c.MetOn).ShouldBe([new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 28)]);
    }

    [Test]
    public void A_provider_clock_that_runs_out_is_deemed_decided_in_the_providers_favour_but_not_after_a_decision_or_on_a_client_appeal()
    {
        // Informal appeal filed 11/23/2026: decision due 05/22/2027; the check runs 05/23/2027.
        var appeal = Informal();
        var deemed = Applied(appeal, appeal.Deem(DecisionLevel.Informal, new DateOnly(2027, 5, 22), new DateOnly(2027, 5, 23), new DateOnly(2027, 6, 22))!);
        appeal.Status.ShouldBe(AppealStatus.Decided);
        // The aggregate keeps the law's facts, not a sentence: Viewing words them (ADR 0043).
        appeal.Decisions.Single().Deemed.ShouldBe(deemed);
        (appeal.Decisions.Single().Outcome, appeal.Decisions.Single().Text).ShouldBe(("", ""));
        deemed.Statute.ShouldBe(DeemingStatute.VirginiaCode32_1_325_1);
        appeal.Decisions.Single().By.Name.ShouldBe("AIMS");
        appeal.NextDeadline!.ShouldBe(new NextDeadline(new DateOnly(2027, 6, 22), DeadlineKind.FormalAppeal));
        deemed.ClockEndedOn.ShouldBe(new DateOnly(2027, 5, 22));
        appeal.Deem(DecisionLevel.Informal, new DateOnly(2027, 5, 22), new DateOnly(2027, 5, 23), null).ShouldBeNull();

        var decided = Scheduled(Informal(), Eastern(2027, 1, 12, 10));
        Applied(decided, decided.Decide(new DecisionIssued(DecisionLevel.Informal, new DateOnly(2027, 1, 20), "Reversed", "text", Officer, null), Eastern(2027, 1, 20, 9)));
        decided.Deem(DecisionLevel.Informal, new DateOnly(2027, 5, 22), new DateOnly(2027, 5, 23), null).ShouldBeNull();
        Client().Deem(DecisionLevel.Hearing, new DateOnly(2027, 2, 21), new DateOnly(2027, 2, 22), null).ShouldBeNull();
    }

    [Test]
    public void An_appeal_may_be_withdrawn_while_scheduled_but_not_once_dismissed_or_decided()
    {
        var appeal = Scheduled(Client(), Eastern(2027, 1, 12, 10));
        appeal.Withdraw(Worker, FiledOn, "Settled").Reason.ShouldBe("Settled");
        var dismissed = Client();
        Applied(dismissed, dismissed.Dismiss(Worker, FiledOn, DismissalReason.NoAdverseAction, null, null));
        Should.Throw<RuleViolationException>(() => dismissed.Withdraw(Worker, FiledOn, null)).Message.ShouldStartWith("CL-2026-000001 is dismissed");
    }

    [Test]
    public void An_expedited_clock_counts_working_days_and_is_not_waived()
    {
        var appeal = Client(expedited: ExpeditedTrack.Services);
        // Filed Mon 11/23/2026: three working days skip Thanksgiving and the day after: Mon 11/30/2026.
        appeal.RunningClock.ShouldBe(new StatutoryClock(DecisionClockKind.ExpeditedServices, new DateOnly(2026, 11, 30), null));
    }
}
