using System.Net;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// Reminders set by an appeal's dates: written with the change, moved with the date, cancelled when moot, delivered at
/// 09:00 New York time. Times are UTC; New York is UTC-5 in winter and UTC-4 from 03/14/2027.
/// </summary>
public sealed class CaseReminderTests() : AppealsTest("aims_test_case_reminders")
{
    private Task<DateTimeOffset?> PendingAsync(Guid appealId, string kind) => ScheduledAtAsync(CaseReminderKey(appealId, kind));

    private static string CaseReminderKey(Guid appealId, string kind) => $"appeal:{appealId}:remind:{kind}";

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private async Task<FormClient> StaffLaterAsync(string email)
    {
        var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password, staff: true);
        return browser;
    }

    [Test]
    public async Task Hearing_summary_and_decision_clock_reminders_move_with_an_appellant_reschedule_and_skip_a_holiday()
    {
        // Client appeal filed Mon 11/23/2026: the 90-day decision is due Sun 02/21/2027, so its reminders are set for
        // 02/07, 02/14 and 02/20 at 09:00, and "passed" for 02/22.
        var (_, id, caseNumber, _) = await ClientAppealAsync("remind", "300000000101");
        (await PendingAsync(id, "ClockFourteenDays")).ShouldBe(Utc(2027, 2, 7, 14));
        (await PendingAsync(id, "ClockSevenDays")).ShouldBe(Utc(2027, 2, 14, 14));
        (await PendingAsync(id, "ClockOneDay")).ShouldBe(Utc(2027, 2, 20, 14));
        (await PendingAsync(id, "ClockPassed")).ShouldBe(Utc(2027, 2, 22, 14));

        using var worker = await StaffAsync("worker.remind@dmas.virginia.gov", Role.CaseWorker);
        using var officer = await StaffAsync("officer.remind@dmas.virginia.gov", Role.HearingOfficer);
        var workerId = await UserIdAsync("worker.remind@dmas.virginia.gov");
        var officerId = await UserIdAsync("officer.remind@dmas.virginia.gov");
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "CaseWorker", ["AssigneeId"] = workerId.ToString() })).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "HearingOfficer", ["AssigneeId"] = officerId.ToString() })).Location.ShouldBe($"/appeals/{id}");

        // Hearing Tue 01/19/2027 10:00: reminders Tue 01/12 and Mon 01/18 at 09:00 (calendar days, MLK Day or not);
        // the summary is due Mon 01/11/2027, so "due in 3 business days" goes Wed 01/06 and "overdue" Tue 01/12.
        (await ActAsync(officer, $"/staff/appeals/{id}/schedule", new()
        {
            ["Form.Date"] = "01/19/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100, code 5521.",
        })).Location.ShouldBe($"/appeals/{id}");
        (await PendingAsync(id, "HearingInSevenDays")).ShouldBe(Utc(2027, 1, 12, 14));
        (await PendingAsync(id, "HearingTomorrow")).ShouldBe(Utc(2027, 1, 18, 14));
        (await PendingAsync(id, "SummaryDueSoon")).ShouldBe(Utc(2027, 1, 6, 14));
        (await PendingAsync(id, "SummaryOverdue")).ShouldBe(Utc(2027, 1, 12, 14));

        // Moved at the appellant's request to Tue 01/26/2027: 7 days waived, so the decision is due 02/28/2027. The
        // summary is now due Tue 01/19 (5 business days back, skipping MLK Day), so "due in 3 business days" is
        // Wed 01/13 — Mon 01/18 is a holiday, not a business day.
        (await ActAsync(officer, $"/staff/appeals/{id}/reschedule", new()
        {
            ["Form.Date"] = "01/26/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100, code 5521.",
            ["Reason"] = "The appellant's doctor's appointment.", ["AppellantRequested"] = "true",
        })).Location.ShouldBe($"/appeals/{id}");
        (await PendingAsync(id, "HearingInSevenDays")).ShouldBe(Utc(2027, 1, 19, 14));
        (await PendingAsync(id, "HearingTomorrow")).ShouldBe(Utc(2027, 1, 25, 14));
        (await PendingAsync(id, "SummaryDueSoon")).ShouldBe(Utc(2027, 1, 13, 14));
        (await PendingAsync(id, "SummaryOverdue")).ShouldBe(Utc(2027, 1, 20, 14));
        (await PendingAsync(id, "ClockFourteenDays")).ShouldBe(Utc(2027, 2, 14, 14));
        (await PendingAsync(id, "ClockPassed")).ShouldBe(Utc(2027, 3, 1, 14));
        (await ScheduledCountAsync($"appeal:{id}:remind:")).ShouldBe(8);
        await DeliverAsync();

        // The client's calendar moves the event: the same UID, a higher SEQUENCE, the new time in Richmond time.
        var clientEmails = await AppealEmailsToAsync("client.remind@example.com");
        var set = CalendarInvitation.Of(clientEmails.Single(e => e.Subject == $"Hearing scheduled: appeal {caseNumber}")).Event;
        var moved = CalendarInvitation.Of(clientEmails.Single(e => e.Subject == $"Hearing moved: appeal {caseNumber}")).Event;
        moved.Uid.ShouldBe(set.Uid);
        moved.Sequence.ShouldBeGreaterThan(set.Sequence);
        set.DtStart!.Value.ShouldBe(new DateTime(2027, 1, 19, 10, 0, 0));
        moved.DtStart!.Value.ShouldBe(new DateTime(2027, 1, 26, 10, 0, 0));
        moved.DtStart!.TzId.ShouldBe(CalendarInvitation.Richmond);
        using var coordinator = await SignIn("coord.remind@dss.example");
        (await ActAsync(coordinator, $"/appeals/{id}/attendees", new() { ["Rows[0].Name"] = "Lee Eligibility", ["Rows[0].Email"] = "lee@dss.example" })).Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();

        Clock.SetUtcNow(Utc(2027, 1, 13, 13).AddMinutes(59));
        await DeliverAsync();
        (await AppealEmailsToAsync("coord.remind@dss.example")).ShouldNotContain(e => e.Subject.StartsWith("The appeal summary", StringComparison.Ordinal));

        Clock.SetUtcNow(Utc(2027, 1, 13, 14));
        await DeliverAsync();
        var dueSoon = $"The appeal summary for appeal {caseNumber} is due 01/19/2027";
        (await AppealEmailsToAsync("coord.remind@dss.example")).Single(e => e.Subject == dueSoon).TextBody
            .ShouldContain("is due by Tuesday, January 19, 2027, three business days from now, before the hearing on January 26, 2027 at 10:00 AM Eastern.");
        (await AppealEmailsToAsync("worker.remind@dmas.virginia.gov")).ShouldContain(e => e.Subject == dueSoon);
        (await AppealEmailsToAsync("client.remind@example.com")).ShouldNotContain(e => e.Subject == dueSoon);
        await DeliverAsync();
        (await CountAsync("SELECT count(*) FROM notifications.notices WHERE subject = @p", dueSoon)).ShouldBe(2L);

        // Filed in time: the overdue reminder goes away.
        using var coordinatorLater = await SignIn("coord.remind@dss.example");
        (await ActAsync(coordinatorLater, $"/appeals/{id}/case-summary", new()
        {
            ["Form.Identifiers"] = $"{caseNumber}; Medicaid ID 300000000101", ["Form.ResponsibleAgency"] = "Richmond DSS remind",
            ["Form.Facts"] = "Hours were reassessed.", ["Form.PolicyCitations"] = "12VAC30-60-303", ["Form.Notice"] = "Notice of 11/16/2026",
        })).Location.ShouldBe($"/appeals/{id}");
        (await PendingAsync(id, "SummaryOverdue")).ShouldBeNull();

        // A week before the hearing: the parties, the agency, its attendee (email only, so in English and Spanish) and
        // the hearing officer.
        Clock.SetUtcNow(Utc(2027, 1, 19, 14));
        await DeliverAsync();
        var weekBefore = $"Hearing in 7 days: appeal {caseNumber}";
        foreach (var email in new[] { "client.remind@example.com", "coord.remind@dss.example", "officer.remind@dmas.virginia.gov" })
        {
            (await AppealEmailsToAsync(email)).ShouldContain(e => e.Subject == weekBefore && e.TextBody.Contains("January 26, 2027 at 10:00 AM Eastern"), email);
        }

        (await AppealEmailsToAsync("lee@dss.example")).ShouldContain(e => e.Subject == $"{weekBefore} / Audiencia en 7 días: apelación {caseNumber}"
            && e.TextBody.Contains("January 26, 2027 at 10:00 AM Eastern") && e.TextBody.Contains("Hola, Lee Eligibility:"));

        (await AppealEmailsToAsync("worker.remind@dmas.virginia.gov")).ShouldNotContain(e => e.Subject == weekBefore);

        // The decision clock: 14 days before 02/28/2027 → the hearing officer, the case worker and the administrators.
        Clock.SetUtcNow(Utc(2027, 2, 14, 14));
        await DeliverAsync();
        var fourteen = $"Decision due in 14 days: appeal {caseNumber}";
        (await AppealEmailsToAsync("officer.remind@dmas.virginia.gov")).Single(e => e.Subject == fourteen).TextBody
            .ShouldContain($"Decision (90 days) on appeal {caseNumber} is due Sunday, February 28, 2027 (7 days added at the appellant's request). " +
                $"Status: scheduled; decided by Test HearingOfficer. Issue the decision by then, on the appeal's page in AIMS.");
        (await AppealEmailsToAsync(Administrator)).ShouldContain(e => e.Subject == fourteen);
        (await AppealEmailsToAsync("client.remind@example.com")).ShouldNotContain(e => e.Subject == fourteen);
    }

    [Test]
    public async Task A_hearing_moved_earlier_reminds_once_at_its_new_times_and_not_again_at_the_old_ones()
    {
        // Client appeal filed Mon 11/23/2026. The hearing is set for Tue 01/26/2027 10:00 (reminders Tue 01/19 and Mon 01/25
        // at 09:00), then moved by the division to Tue 01/19/2027 10:00: reminders Tue 01/12 and Mon 01/18 at 09:00, and
        // the old moments pass without a second reminder.
        var (_, id, caseNumber, _) = await ClientAppealAsync("earlier", "300000000184");
        using var worker = await StaffAsync("worker.earlier@dmas.virginia.gov", Role.CaseWorker);
        using var officer = await StaffAsync("officer.earlier@dmas.virginia.gov", Role.HearingOfficer);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "CaseWorker", ["AssigneeId"] = (await UserIdAsync("worker.earlier@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "HearingOfficer", ["AssigneeId"] = (await UserIdAsync("officer.earlier@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        var hearing = new Dictionary<string, string?>
        {
            ["Form.Date"] = "01/26/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100, code 7731.",
        };
        (await ActAsync(officer, $"/staff/appeals/{id}/schedule", hearing)).Location.ShouldBe($"/appeals/{id}");
        (await PendingAsync(id, "HearingInSevenDays")).ShouldBe(Utc(2027, 1, 19, 14));
        (await PendingAsync(id, "HearingTomorrow")).ShouldBe(Utc(2027, 1, 25, 14));

        hearing["Form.Date"] = "01/19/2027";
        hearing["Reason"] = "The hearing officer's calendar changed.";
        hearing["AppellantRequested"] = "false";
        (await ActAsync(officer, $"/staff/appeals/{id}/reschedule", hearing)).Location.ShouldBe($"/appeals/{id}");
        (await PendingAsync(id, "HearingInSevenDays")).ShouldBe(Utc(2027, 1, 12, 14));
        (await PendingAsync(id, "HearingTomorrow")).ShouldBe(Utc(2027, 1, 18, 14));
        await DeliverAsync();

        var weekBefore = $"Hearing in 7 days: appeal {caseNumber}";
        var dayBefore = $"Hearing tomorrow: appeal {caseNumber}";
        async Task<(int Week, int Day)> RemindedAsync()
        {
            var emails = await AppealEmailsToAsync("client.earlier@example.com");
            return (emails.Count(e => e.Subject == weekBefore), emails.Count(e => e.Subject == dayBefore));
        }

        Clock.SetUtcNow(Utc(2027, 1, 12, 14).AddMinutes(-1));
        await DeliverAsync();
        (await RemindedAsync()).ShouldBe((0, 0));

        Clock.SetUtcNow(Utc(2027, 1, 12, 14));
        await DeliverAsync();
        (await RemindedAsync()).ShouldBe((1, 0));
        (await AppealEmailsToAsync("client.earlier@example.com")).Single(e => e.Subject == weekBefore).TextBody.ShouldContain("January 19, 2027 at 10:00 AM Eastern");

        Clock.SetUtcNow(Utc(2027, 1, 18, 14));
        await DeliverAsync();
        (await RemindedAsync()).ShouldBe((1, 1));

        // Past both old moments (01/19 and 01/25 at 09:00): nothing more.
        Clock.SetUtcNow(Utc(2027, 1, 25, 14));
        await DeliverAsync();
        (await RemindedAsync()).ShouldBe((1, 1));
        (await HandledCountAsync(CaseReminderKey(id, "HearingInSevenDays"))).ShouldBe(1, "the first plan's envelope was cancelled, not run");
    }

    [Test]
    public async Task A_withdrawn_appeal_cancels_its_reminders_and_is_never_reminded()
    {
        var (client, id, _, _) = await ClientAppealAsync("gone", "300000000102");
        (await ScheduledCountAsync($"appeal:{id}:remind:")).ShouldBe(4);

        (await ActAsync(client, $"/appeals/{id}/withdraw", [])).Location.ShouldBe($"/appeals/{id}");

        (await ScheduledCountAsync($"appeal:{id}:remind:")).ShouldBe(0);
        Clock.SetUtcNow(Utc(2027, 2, 23, 14));
        await DeliverAsync();
        (await CountAsync("SELECT count(*) FROM notifications.notices WHERE source_key LIKE @p", $"reminder:{id}:%")).ShouldBe(0L);
    }

    [Test]
    public async Task A_withdrawal_before_the_hearing_cancels_its_calendar_event_in_each_partys_calendar()
    {
        // Filed and docketed Mon 11/23/2026; the hearing is set for Tue 01/19/2027 10:00 Eastern; withdrawn the same day.
        var (client, id, caseNumber) = await ScheduledHearingAsync("unset", "300000000186");
        using var appellant = client;
        (await ActAsync(client, $"/appeals/{id}/withdraw", [])).Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();

        foreach (var email in new[] { "client.unset@example.com", "coord.unset@dss.example" })
        {
            await ShouldBeCancelledInCalendarAsync(email, caseNumber);
        }
    }

    [Test]
    public async Task A_dismissal_before_the_hearing_cancels_its_calendar_event_in_each_partys_calendar()
    {
        // Filed and docketed Mon 11/23/2026; the hearing is set for Tue 01/19/2027 10:00 Eastern; dismissed the same day
        // (the notice turns out to grant what was asked).
        var (client, id, caseNumber) = await ScheduledHearingAsync("dismiss", "300000000187");
        client.Dispose();
        using var worker = await StaffLaterAsync("worker.dismiss@dmas.virginia.gov");
        (await ActAsync(worker, $"/staff/appeals/{id}/dismiss", new() { ["Reason"] = "NoAdverseAction", ["Explanation"] = "The notice granted the request." }))
            .Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();

        foreach (var email in new[] { "client.dismiss@example.com", "coord.dismiss@dss.example" })
        {
            await ShouldBeCancelledInCalendarAsync(email, caseNumber);
        }
    }

    [Test]
    public async Task A_decision_waits_for_the_hearing_and_once_it_is_held_cancels_no_calendar_event()
    {
        // Hearing Tue 01/19/2027 10:00 Eastern. A decision on Mon 11/23/2026, before it, is refused, so no decision can
        // close the appeal with its hearing ahead; decided Wed 01/20/2027, after it was held, nobody's calendar changes.
        var (client, id, caseNumber) = await ScheduledHearingAsync("heard", "300000000188");
        client.Dispose();
        using var officer = await StaffLaterAsync("officer.heard@dmas.virginia.gov");
        (await ActAsync(officer, $"/staff/appeals/{id}/decide", SevenParts())).Text.ShouldContain($"The hearing on {caseNumber} has not been held yet.");

        Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 15, 0, 0, TimeSpan.Zero));
        using var officerLater = await StaffLaterAsync("officer.heard@dmas.virginia.gov");
        (await ActAsync(officerLater, $"/staff/appeals/{id}/decide", SevenParts())).Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();

        foreach (var email in new[] { "client.heard@example.com", "coord.heard@dss.example" })
        {
            var subjects = (await AppealEmailsToAsync(email)).Select(e => e.Subject).ToList();
            subjects.ShouldContain($"Hearing scheduled: appeal {caseNumber}");
            subjects.ShouldNotContain($"Hearing cancelled: appeal {caseNumber}", email);
        }
    }

    /// <summary>A client appeal filed (by the returned client), docketed and given a hearing officer on Mon 11/23/2026, its hearing set for Tue 01/19/2027 10:00.</summary>
    private async Task<(FormClient Client, Guid Id, string CaseNumber)> ScheduledHearingAsync(string who, string medicaidId)
    {
        var (client, id, caseNumber, _) = await ClientAppealAsync(who, medicaidId);
        using var worker = await StaffAsync($"worker.{who}@dmas.virginia.gov", Role.CaseWorker);
        using var officer = await StaffAsync($"officer.{who}@dmas.virginia.gov", Role.HearingOfficer);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "HearingOfficer", ["AssigneeId"] = (await UserIdAsync($"officer.{who}@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(officer, $"/staff/appeals/{id}/schedule", new()
        {
            ["Form.Date"] = "01/19/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100, code 5521.",
        })).Location.ShouldBe($"/appeals/{id}");
        return (client, id, caseNumber);
    }

    private static Dictionary<string, string?> SevenParts() => new()
    {
        ["Form.Outcome"] = "Sustained", ["Form.ProceduralHistory"] = "Appeal filed 11/23/2026; hearing held 01/19/2027 by telephone.",
        ["Form.FindingsOfFact"] = "The reassessment considered every diagnosis.", ["Form.ConclusionsOfLaw"] = "The reduction follows 12VAC30-60-303.",
        ["Form.Reasoning"] = "The record supports the reassessment.", ["Form.RequiredAction"] = "None: the reduction stands.", ["Form.ActionDeadline"] = "02/05/2027",
    };

    [Test]
    public async Task A_provider_decision_deemed_before_the_conference_cancels_its_calendar_event()
    {
        // Informal appeal filed Mon 11/23/2026: its decision is due Sat 05/22/2027, but the conference is set for Tue
        // 06/01/2027 10:00. At 00:01 on Sun 05/23 the clock deems the decision in the provider's favour, closing the
        // appeal with its conference still ahead.
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Program Integrity Deemed Conference", "coord.iffcgone@pic.example");
        var (owner, provider) = await ProviderAsync("owner.iffcgone@clinic.example", "Piedmont Deemed Clinic");
        using var ownerBrowser = owner;
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026", agencyId: agency));
        using var worker = await StaffAsync("worker.iffcgone@dmas.virginia.gov", Role.CaseWorker);
        using var agent = await StaffAsync("agent.iffcgone@dmas.virginia.gov", Role.InformalAppealsAgent);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "InformalAppealsAgent", ["AssigneeId"] = (await UserIdAsync("agent.iffcgone@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(agent, $"/staff/appeals/{id}/schedule", new()
        {
            ["Form.Date"] = "06/01/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Video", ["Form.Details"] = "https://meet.example/iffcgone",
        })).Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();

        Clock.SetUtcNow(new DateTimeOffset(2027, 5, 23, 4, 2, 0, TimeSpan.Zero));
        await DeliverAsync();

        var caseNumber = (string)(await ScalarAsync("SELECT case_number FROM appeals.appeal_summaries WHERE id = @p", id))!;
        await ShouldBeCancelledInCalendarAsync("coord.iffcgone@pic.example", caseNumber, "Informal fact-finding conference", new DateTime(2027, 6, 1, 10, 0, 0), "June 1, 2027 at 10:00 AM Eastern");
    }

    /// <summary>The party's calendar takes the session out: METHOD:CANCEL, the same UID and start, a higher SEQUENCE, STATUS:CANCELLED.</summary>
    private async Task ShouldBeCancelledInCalendarAsync(
        string email, string caseNumber, string what = "Hearing", DateTime? start = null, string spokenStart = "January 19, 2027 at 10:00 AM Eastern")
    {
        var emails = await AppealEmailsToAsync(email);
        var set = CalendarInvitation.Of(emails.Single(e => e.Subject == $"{what} scheduled: appeal {caseNumber}"));
        var cancelled = CalendarInvitation.Of(emails.Single(e => e.Subject == $"{what} cancelled: appeal {caseNumber}"));
        set.Calendar.Method.ShouldBe("PUBLISH");
        cancelled.Calendar.Method.ShouldBe("CANCEL", email);
        cancelled.Event.Status.ShouldBe("CANCELLED");
        cancelled.Event.Uid.ShouldBe(set.Event.Uid);
        cancelled.Event.Sequence.ShouldBeGreaterThan(set.Event.Sequence);
        cancelled.Event.DtStart!.Value.ShouldBe(start ?? new DateTime(2027, 1, 19, 10, 0, 0));
        cancelled.Event.DtStart!.TzId.ShouldBe(CalendarInvitation.Richmond);
        emails.Single(e => e.Subject == $"{what} cancelled: appeal {caseNumber}").TextBody
            .ShouldContain($"The {what.ToLowerInvariant()} on appeal {caseNumber} set for {spokenStart} will not take place: the appeal is closed.");
    }

    [Test]
    public async Task A_withdrawal_tells_the_assigned_staff_and_an_unassigned_one_tells_no_staff()
    {
        // Withdrawn Mon 11/23/2026, after docketing and assignment: the case worker and the hearing officer hear of it.
        var (client, id, caseNumber, _) = await ClientAppealAsync("leave", "300000000181");
        using var worker = await StaffAsync("worker.leave@dmas.virginia.gov", Role.CaseWorker);
        using var officer = await StaffAsync("officer.leave@dmas.virginia.gov", Role.HearingOfficer);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "CaseWorker", ["AssigneeId"] = (await UserIdAsync("worker.leave@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "HearingOfficer", ["AssigneeId"] = (await UserIdAsync("officer.leave@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        var (unassignedClient, unassigned, unassignedNumber, _) = await ClientAppealAsync("leave2", "300000000182");

        (await ActAsync(client, $"/appeals/{id}/withdraw", new() { ["Reason"] = "The agency restored my hours." })).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(unassignedClient, $"/appeals/{unassigned}/withdraw", [])).Location.ShouldBe($"/appeals/{unassigned}");
        await DeliverAsync();

        foreach (var email in new[] { "worker.leave@dmas.virginia.gov", "officer.leave@dmas.virginia.gov" })
        {
            (await AppealEmailsToAsync(email)).Single(e => e.Subject == $"Appeal {caseNumber} withdrawn").TextBody
                .ShouldContain($"withdrew appeal {caseNumber} on Monday, November 23, 2026, saying: \"The agency restored my hours.\". The case is closed: any hearing", Case.Sensitive, email);
            (await AppealEmailsToAsync(email)).ShouldNotContain(e => e.Subject == $"Appeal {unassignedNumber} withdrawn", email);
        }

        (await CountAsync("SELECT count(*) FROM notifications.notices WHERE source_key = @p", $"withdrawn-staff:{id}")).ShouldBe(2L);
        (await CountAsync("SELECT count(*) FROM notifications.notices WHERE source_key = @p", $"withdrawn-staff:{unassigned}")).ShouldBe(0L);
    }

    [Test]
    public async Task An_administrator_finds_an_appeals_reminders_on_the_operations_page_and_a_cancelled_one_is_not_sent()
    {
        // Filed Mon 11/23/2026: the 90-day clock is reminded 02/07, 02/14 and 02/20/2027 and when passed, 02/22, at 09:00.
        var (_, id, caseNumber, _) = await ClientAppealAsync("ops", "300000000183");
        using var admin = await AdministratorAsync();

        var detail = await admin.GetAsync($"/appeals/{id}");
        detail.Html.ShouldContain($"/admin/operations?key=appeal%3A{id}%3A#upcoming");
        var page = await admin.GetAsync($"/admin/operations?key=appeal%3A{id}%3A");
        page.Text.ShouldContain($"02/07/2027 9:00 AM CaseReminder appeal:{id}:remind:ClockFourteenDays");
        page.Text.ShouldContain($"02/22/2027 9:00 AM CaseReminder appeal:{id}:remind:ClockPassed");
        page.Text.ShouldNotContain("ReviewReminder");
        var fourteen = (await WolverineInbox.ScheduledAsync(Portal.Services)).Single(s => s.Key == $"appeal:{id}:remind:ClockFourteenDays").Envelope.Id;

        var cancelled = await admin.PostAsync($"/admin/operations?key=appeal%3A{id}%3A", [new("message", fourteen.ToString())], "/admin/operations?handler=Cancel");

        cancelled.Location.ShouldBe("/admin/operations");
        (await admin.GetAsync($"/admin/operations?key=appeal%3A{id}%3A")).Text.ShouldNotContain("ClockFourteenDays");
        Clock.SetUtcNow(Utc(2027, 2, 7, 14));
        await DeliverAsync();
        (await AppealEmailsToAsync(Administrator)).ShouldNotContain(e => e.Subject == $"Decision due in 14 days: appeal {caseNumber}");
        Clock.SetUtcNow(Utc(2027, 2, 14, 14));
        await DeliverAsync();
        (await AppealEmailsToAsync(Administrator)).ShouldContain(e => e.Subject == $"Decision due in 7 days: appeal {caseNumber}");
    }

    [Test]
    public async Task An_informal_decision_reminds_the_provider_on_day_twenty_unless_a_formal_appeal_is_filed()
    {
        // IFFC Tue 12/15/2026; decided Wed 12/16/2026 → day 20 is Tue 01/05/2027 at 09:00.
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Program Integrity Day20", "coord.day20@pic.example");
        var (owner, provider) = await ProviderAsync("owner.day20@clinic.example", "Tidewater Day Twenty Clinic");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026", agencyId: agency));
        var other = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/11/2026", agencyId: agency));
        (await ScheduledCountAsync($"appeal:{id}:remind:Clock")).ShouldBe(4);
        using var worker = await StaffAsync("worker.day20@dmas.virginia.gov", Role.CaseWorker);
        using var agent = await StaffAsync("agent.day20@dmas.virginia.gov", Role.InformalAppealsAgent);
        var agentId = await UserIdAsync("agent.day20@dmas.virginia.gov");
        foreach (var appeal in new[] { id, other })
        {
            (await ActAsync(worker, $"/staff/appeals/{appeal}/docket", [])).Location.ShouldBe($"/appeals/{appeal}");
            (await ActAsync(worker, $"/staff/appeals/{appeal}/assign", new() { ["Role"] = "InformalAppealsAgent", ["AssigneeId"] = agentId.ToString() }))
                .Location.ShouldBe($"/appeals/{appeal}");
            (await ActAsync(agent, $"/staff/appeals/{appeal}/schedule", new()
            {
                ["Form.Date"] = "12/15/2026", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Video", ["Form.Details"] = "https://meet.example/day20",
            })).Location.ShouldBe($"/appeals/{appeal}");
        }

        Clock.SetUtcNow(Utc(2026, 12, 16, 15));
        using var agentLater = await StaffLaterAsync("agent.day20@dmas.virginia.gov");
        foreach (var appeal in new[] { id, other })
        {
            var decided = await ActAsync(agentLater, $"/staff/appeals/{appeal}/decide", new() { ["Form.Outcome"] = "Sustained", ["Form.Text"] = "The denial stands." });
            decided.Location.ShouldBe($"/appeals/{appeal}", decided.Text);
            (await PendingAsync(appeal, "FormalAppealDayTwenty")).ShouldBe(Utc(2027, 1, 5, 14));
            (await ScheduledCountAsync($"appeal:{appeal}:remind:Clock")).ShouldBe(0);
        }

        await DeliverAsync();
        using var ownerLater = await SignIn("owner.day20@clinic.example");
        var formal = await FileAsync(ownerLater, $"/appeals/{other}/formal", FormalFields("Email"));
        (await PendingAsync(other, "FormalAppealDayTwenty")).ShouldBeNull();
        (await PendingAsync(formal, "ClockFourteenDays")).ShouldNotBeNull();

        Clock.SetUtcNow(Utc(2027, 1, 5, 14));
        await DeliverAsync();
        var caseNumber = (string)(await ScalarAsync("SELECT case_number FROM appeals.appeal_summaries WHERE id = @p", id))!;
        var reminder = (await AppealEmailsToAsync("owner.day20@clinic.example")).Single(e => e.Subject.StartsWith("10 days left to file a formal appeal", StringComparison.Ordinal));
        reminder.Subject.ShouldBe($"10 days left to file a formal appeal: appeal {caseNumber}");
        reminder.TextBody.ShouldContain("file it by Friday, January 15, 2027");
        (await AppealEmailsToAsync("coord.day20@pic.example")).ShouldNotContain(e => e.Subject.StartsWith("10 days left", StringComparison.Ordinal));
    }

    [Test]
    public async Task An_expedited_clock_is_reminded_one_working_day_before()
    {
        // Expedited (services) client appeal filed Mon 11/23/2026: 3 working days past Thanksgiving and the day after is
        // Mon 11/30/2026; one working day before is Wed 11/25 (not Fri 11/27, a holiday); "passed" goes Tue 12/01.
        var agency = await AgencyAsync(AgencyType.ClientAgency, "Richmond DSS expedited", "coord.expedited@dss.example");
        var client = await ClientAsync("client.expedited@example.com", "300000000193");
        var fields = ClientFields("11/16/2026");
        fields["Form.AgencyId"] = agency.ToString();
        fields["Form.Expedited"] = "yes";
        fields["Form.ExpeditedTrack"] = "Services";
        fields["Form.ExpeditedReason"] = "Without the home health aide I cannot get out of bed safely.";
        var id = await FileAsync(client, "/appeals/file/client", fields);
        (await PendingAsync(id, "ClockOneDay")).ShouldBe(Utc(2026, 11, 25, 14));
        (await PendingAsync(id, "ClockFourteenDays")).ShouldBeNull();
        (await PendingAsync(id, "ClockPassed")).ShouldBe(Utc(2026, 12, 1, 14));
    }

    [Test]
    public async Task The_end_of_a_no_show_window_tells_the_case_worker()
    {
        // Hearing Mon 11/30/2026 missed; good cause until Thu 12/10; closed at 00:01 on 12/11 and the case worker told.
        var (_, id, caseNumber, _) = await ClientAppealAsync("window", "300000000194");
        using var worker = await StaffAsync("worker.window@dmas.virginia.gov", Role.CaseWorker);
        var workerId = await UserIdAsync("worker.window@dmas.virginia.gov");
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "CaseWorker", ["AssigneeId"] = workerId.ToString() })).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/schedule", new() { ["Form.Date"] = "11/30/2026", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100" }))
            .Location.ShouldBe($"/appeals/{id}");
        Clock.SetUtcNow(Utc(2026, 11, 30, 17));
        using var later = await StaffLaterAsync("worker.window@dmas.virginia.gov");
        (await ActAsync(later, $"/staff/appeals/{id}/no-show", [])).Location.ShouldBe($"/appeals/{id}");
        (await PendingAsync(id, "HearingTomorrow")).ShouldBeNull();

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 5, 2, 0, TimeSpan.Zero));
        await DeliverAsync();
        var ended = (await AppealEmailsToAsync("worker.window@dmas.virginia.gov")).Single(e => e.Subject == $"Good-cause window ended: appeal {caseNumber} closed");
        ended.TextBody.ShouldContain("No good cause was shown by Thursday, December 10, 2026");
        (await ScheduledCountAsync($"appeal:{id}:remind:")).ShouldBe(0);

    }
}
