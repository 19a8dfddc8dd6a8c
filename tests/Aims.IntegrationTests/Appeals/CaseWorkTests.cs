using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// The division's work through its pages: intake, docketing, assignment, scheduling with notices and invitations, the
/// agency's summary, the decision PDF, the clocks, two people at once, and who may do what.
/// </summary>
public sealed partial class CaseWorkTests() : AppealsTest("aims_test_appeals_casework")
{
    [Test]
    public async Task A_client_appeal_goes_from_intake_to_a_decision_pdf_and_every_party_is_told()
    {
        var (client, id, caseNumber, _) = await ClientAppealAsync("journey", "300000000001");
        using var coordinator = await SignIn("coord.journey@dss.example");
        using var worker = await StaffAsync("worker.journey@dmas.virginia.gov", Role.CaseWorker);
        using var officer = await StaffAsync("officer.journey@dmas.virginia.gov", Role.HearingOfficer);
        var officerId = await UserIdAsync("officer.journey@dmas.virginia.gov");

        (await worker.GetAsync("/staff/intake")).Text.ShouldContain(caseNumber);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await worker.GetAsync("/staff/intake")).Html.ShouldNotContain($"href=\"/appeals/{id}\"");
        await DeliverAsync();
        (await AppealEmailsToAsync("client.journey@example.com")).ShouldContain(e => e.Subject == $"Appeal {caseNumber} docketed");
        (await AppealEmailsToAsync("coord.journey@dss.example")).ShouldContain(e => e.Subject == $"Appeal {caseNumber} docketed");

        (await ActAsync(worker, $"/staff/appeals/{id}/assign?role=HearingOfficer", new() { ["Role"] = "HearingOfficer", ["AssigneeId"] = officerId.ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "CaseWorker", ["AssigneeId"] = Guid.NewGuid().ToString() }))
            .Text.ShouldContain("Choose a case worker from the list.");

        // Hearing Tue 01/19/2027 at 10:00 AM New York; MLK Day on 01/18, so the summary is due Mon 01/11/2027.
        var scheduled = await ActAsync(officer, $"/staff/appeals/{id}/schedule", new()
        {
            ["Form.Date"] = "01/19/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100, access code 4411.",
        });
        scheduled.Location.ShouldBe($"/appeals/{id}", scheduled.Text);
        await DeliverAsync();
        var notice = (await AppealEmailsToAsync("client.journey@example.com")).Single(e => e.Subject == $"Hearing scheduled: appeal {caseNumber}");
        notice.TextBody.ShouldContain("January 19, 2027 at 10:00 AM Eastern");
        notice.TextBody.ShouldContain("The agency's case summary is due by Monday, January 11, 2027.");
        notice.Attachments.Single().FileName.ShouldBe($"{caseNumber}.ics");
        var (calendar, hearing) = CalendarInvitation.Of(notice);
        calendar.Method.ShouldBe("PUBLISH");
        hearing.Uid.ShouldBe($"hearing-{id:N}@aims");
        hearing.DtStart!.TzId.ShouldBe(CalendarInvitation.Richmond);
        hearing.DtStart!.Value.ShouldBe(new DateTime(2027, 1, 19, 10, 0, 0));
        hearing.DtStart!.AsUtc.ShouldBe(new DateTime(2027, 1, 19, 15, 0, 0, DateTimeKind.Utc));
        hearing.DtEnd!.Value.ShouldBe(new DateTime(2027, 1, 19, 11, 0, 0));
        hearing.Summary.ShouldBe($"Hearing, appeal {caseNumber}");
        hearing.Organizer!.Value.ShouldBe(new Uri("mailto:no-reply@aims.dmas.virginia.gov"));
        notice.HtmlBody.ShouldNotBeNull().ShouldContain("January 19, 2027 at 10:00 AM Eastern");
        (await EmailsToAsync("coord.journey@dss.example")).ShouldContain(e => e.Subject == $"Hearing scheduled: appeal {caseNumber}" && e.Attachments.Count == 1);

        var asAgency = await coordinator.GetAsync($"/appeals/{id}");
        asAgency.Text.ShouldContain("Your appeal summary is due by 01/11/2027");
        (await ActAsync(coordinator, $"/appeals/{id}/attendees", new() { ["Rows[0].Name"] = "Pat Eligibility", ["Rows[0].Email"] = "not-an-email" }))
            .Text.ShouldContain("Enter an email address like name@agency.virginia.gov.");
        (await ActAsync(coordinator, $"/appeals/{id}/attendees", new() { ["Rows[0].Name"] = "Pat Eligibility", ["Rows[0].Email"] = "pat@dss.example" }))
            .Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();
        var attendeeInvitation = CalendarInvitation.Of((await EmailsToAsync("pat@dss.example")).Single()).Event;
        attendeeInvitation.Uid.ShouldBe(hearing.Uid);
        attendeeInvitation.DtStart!.AsUtc.ShouldBe(new DateTime(2027, 1, 19, 15, 0, 0, DateTimeKind.Utc));

        var incomplete = await ActAsync(coordinator, $"/appeals/{id}/case-summary", new() { ["Form.Facts"] = "Hours were reassessed on 10/30/2026." });
        incomplete.Text.ShouldContain("A client appeal summary needs every part 12VAC30-110-185 lists");
        (await ActAsync(coordinator, $"/appeals/{id}/case-summary", new()
        {
            ["Form.Identifiers"] = $"{caseNumber}; Medicaid ID 300000000001", ["Form.ResponsibleAgency"] = "Richmond DSS journey",
            ["Form.Facts"] = "Hours were reassessed on 10/30/2026.", ["Form.PolicyCitations"] = "12VAC30-60-303", ["Form.Notice"] = "Notice of 11/16/2026",
        })).Location.ShouldBe($"/appeals/{id}");
        (await worker.GetAsync($"/appeals/{id}")).Text.ShouldContain("Filed 11/23/2026 by Test AgencyCoordinator");

        // The hearing was held; the hearing officer decides on 01/20/2027. Circuit court: 30 days, Fri 02/19/2027.
        Clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 15, 0, 0, TimeSpan.Zero));
        using var officerLater = NewBrowser();
        await officerLater.SignInAsync(ConnectionString, "officer.journey@dmas.virginia.gov", Password, staff: true);
        var missing = await ActAsync(officerLater, $"/staff/appeals/{id}/decide", new() { ["Form.Outcome"] = "Reversed", ["Form.ProceduralHistory"] = "Filed 11/23/2026." });
        missing.Text.ShouldContain("Write the findings of fact.");
        (await ActAsync(officerLater, $"/staff/appeals/{id}/decide", new()
        {
            ["Form.Outcome"] = "Reversed", ["Form.ProceduralHistory"] = "Appeal filed 11/23/2026; hearing held 01/19/2027 by telephone.",
            ["Form.FindingsOfFact"] = "The reassessment did not consider the new diagnosis.", ["Form.ConclusionsOfLaw"] = "The reduction does not follow 12VAC30-60-303.",
            ["Form.Reasoning"] = "The record shows the need for personal care is unchanged.", ["Form.RequiredAction"] = "Restore 40 hours of personal care a week.",
            ["Form.ActionDeadline"] = "02/05/2027",
        })).Location.ShouldBe($"/appeals/{id}");

        await DeliverAsync();
        using var clientLater = await SignIn("client.journey@example.com");
        var decided = await clientLater.GetAsync($"/appeals/{id}");
        decided.Text.ShouldContain("Hearing decision of 01/20/2027: Reversed");
        var pdfLink = Regex.Match(decided.Html, $"/appeals/{id}/documents/([0-9a-f-]{{36}})\">Download the decision \\(PDF\\)").Groups[1].Value;
        var pdf = await clientLater.Http.GetByteArrayAsync($"/appeals/{id}/documents/{pdfLink}");
        var text = PdfText.Extract(pdf);
        foreach (var part in new[] { "Cover letter", "Procedural history", "Findings of fact", "Conclusions of law", "Reasoning", "Action the agency must take", "Deadline for the action" })
        {
            text.ShouldContain(part);
        }

        text.ShouldContain("appeal this decision to the circuit court");
        text.ShouldContain("by 02/19/2027");
        text.ShouldContain("Restore 40 hours of personal care a week.");
        (await clientLater.GetAsync("/appeals/closed")).Text.ShouldContain(caseNumber);
        (await AppealEmailsToAsync("client.journey@example.com")).ShouldContain(e => e.Subject == $"Hearing decision on appeal {caseNumber}" && e.TextBody.Contains("by 02/19/2027"));
    }

    [Test]
    public async Task Two_staff_docketing_at_once_one_wins_and_the_other_is_told_to_reload()
    {
        var (_, id, caseNumber, _) = await ClientAppealAsync("race", "300000000002");
        using var first = await StaffAsync("first.race@dmas.virginia.gov", Role.CaseWorker);
        using var second = await StaffAsync("second.race@dmas.virginia.gov", Role.AppealsAdministrator);
        var seen = long.Parse(SeenVersion().Match((await second.GetAsync($"/staff/appeals/{id}/docket")).Html).Groups[1].Value);

        (await ActAsync(first, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        var late = await ActAsync(second, $"/staff/appeals/{id}/dismiss", new() { ["Reason"] = "Duplicate" }, seen);

        late.Status.ShouldBe(HttpStatusCode.Conflict);
        late.Text.ShouldContain($"{caseNumber} changed since you opened it: reload it, check what changed, and try again.");
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p", id)).ShouldBe(2L);
    }

    [Test]
    public async Task Actions_not_allowed_now_say_why_and_bad_input_names_the_field()
    {
        var (_, id, caseNumber, _) = await ClientAppealAsync("refusals", "300000000003");
        using var worker = await StaffAsync("worker.refusals@dmas.virginia.gov", Role.CaseWorker);

        (await ActAsync(worker, $"/staff/appeals/{id}/schedule", new() { ["Form.Date"] = "01/19/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Video", ["Form.Details"] = "Link" }))
            .Text.ShouldContain($"{caseNumber} is filed: it cannot be scheduled now.");
        (await ActAsync(worker, $"/staff/appeals/{id}/dismiss", [])).Text.ShouldContain("Choose the reason for dismissing.");
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        var badTime = await ActAsync(worker, $"/staff/appeals/{id}/schedule", new() { ["Form.Date"] = "13/45/2027", ["Form.Time"] = "25 o'clock", ["Form.Details"] = "" });
        badTime.Text.ShouldContain("Enter the date like 04/27/2026.");
        badTime.Text.ShouldContain("Enter the time like 10:30 AM (New York time).");
        badTime.Text.ShouldContain("Choose telephone, video or in person.");
        badTime.Text.ShouldContain("Say how to join");

        (await ActAsync(worker, $"/staff/appeals/{id}/dismiss", new() { ["Reason"] = "NoAdverseAction", ["Explanation"] = "The notice granted the request." }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Text.ShouldContain($"{caseNumber} is dismissed (on 11/23/2026): a closed appeal cannot be docketed.");
        await DeliverAsync();
        (await AppealEmailsToAsync("client.refusals@example.com")).ShouldContain(e => e.Subject == $"Appeal {caseNumber} dismissed" && e.TextBody.Contains("Reason: No adverse action to appeal."));
    }

    [Test]
    public async Task Staff_screens_are_for_staff_and_an_agency_reaches_only_its_own_appeals()
    {
        var (client, id, _, _) = await ClientAppealAsync("access", "300000000004");
        await AgencyAsync(AgencyType.ClientAgency, "Other DSS", "coord.other-access@dss.example");
        using var otherCoordinator = await SignIn("coord.other-access@dss.example");
        using var coordinator = await SignIn("coord.access@dss.example");
        using var officer = await StaffAsync("officer.access@dmas.virginia.gov", Role.HearingOfficer);

        foreach (var page in new[] { "/staff/intake", "/staff/search", "/staff/deadlines", $"/staff/appeals/{id}/docket", $"/staff/appeals/{id}/decide" })
        {
            (await client.GetAsync(page)).Status.ShouldBe(HttpStatusCode.Forbidden, page);
            (await coordinator.GetAsync(page)).Status.ShouldBe(HttpStatusCode.Forbidden, page);
        }

        // A hearing officer schedules and decides, but intake (docket, dismiss, assign) is the case workers'.
        (await officer.GetAsync($"/staff/appeals/{id}/docket")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync($"/staff/appeals/{id}/schedule")).Status.ShouldBe(HttpStatusCode.OK);
        (await otherCoordinator.GetAsync($"/appeals/{id}/case-summary")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await otherCoordinator.GetAsync($"/appeals/{id}/attendees")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await coordinator.GetAsync($"/appeals/{id}/case-summary")).Status.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/appeals/{id}/case-summary")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync($"/staff/appeals/{Guid.NewGuid()}/schedule")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_informal_appeal_without_a_decision_in_180_days_is_deemed_decided_for_the_provider()
    {
        // Filed Mon 11/23/2026: the informal decision is due Sat 05/22/2027; the clock is checked at 00:01 on 05/23.
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Program Integrity Deemed", "coord.deemed@pic.example");
        var (owner, provider) = await ProviderAsync("owner.deemed@clinic.example");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026", agencyId: agency));
        var withdrawn = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/11/2026", agencyId: agency));
        (await ActAsync(owner, $"/appeals/{withdrawn}/withdraw", [])).Location.ShouldBe($"/appeals/{withdrawn}");
        await DeliverAsync();

        Clock.SetUtcNow(new DateTimeOffset(2027, 5, 23, 3, 59, 0, TimeSpan.Zero)); // 23:59 on 05/22 in Richmond
        await DeliverAsync();
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'DeemedInProviderFavour'", id)).ShouldBe(0L);

        Clock.SetUtcNow(new DateTimeOffset(2027, 5, 23, 4, 2, 0, TimeSpan.Zero));
        await DeliverAsync();
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'DeemedInProviderFavour'", id)).ShouldBe(1L);
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'DeemedInProviderFavour'", withdrawn)).ShouldBe(0L);

        using var later = NewBrowser();
        await later.SignInAsync(ConnectionString, "owner.deemed@clinic.example", Password);
        var page = await later.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain("Informal decision of 05/23/2027: Deemed in the provider's favour");
        page.Text.ShouldContain("06/22/2027: Last day to file a formal appeal");
        (await AppealEmailsToAsync("coord.deemed@pic.example")).ShouldContain(e => e.Subject.StartsWith("Informal decision on appeal", StringComparison.Ordinal));

        // The event holds the law's facts and no sentence; an event stored before the statute was named (no "statute")
        // still reads in full, in each language, because the words live in Viewing (ADR 0043).
        await ExecuteAsync("UPDATE appeals.mt_events SET data = data - 'statute' - 'Statute' WHERE stream_id = @p AND type = 'DeemedInProviderFavour'", new() { ["p"] = id });
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'DeemedInProviderFavour' AND (data::text ILIKE '%statute%' OR data::text LIKE '%No informal decision%')", id)).ShouldBe(0L);
        var sentence = "No informal decision was issued by 05/22/2027, the last day the law allows. Under § 32.1-325.1 of the Code of Virginia the appeal is deemed decided in the provider's favour.";
        (await later.GetAsync($"/appeals/{id}")).Text.ShouldContain(sentence);
        (await later.GetAsync($"/appeals/{id}?handler=Decision&number=1")).Text.ShouldContain(sentence);
        await later.ChooseLanguageAsync("es");
        var spanish = (await later.GetAsync($"/appeals/{id}")).Text;
        spanish.ShouldContain("Se considera decidida a favor del proveedor");
        spanish.ShouldContain("No se emitió ninguna decisión informal a más tardar el 22 de mayo de 2027, el último día que permite la ley. "
            + "Conforme al artículo 32.1-325.1 del Código de Virginia, la apelación se considera decidida a favor del proveedor.");
    }

    [Test]
    public async Task A_no_show_without_good_cause_closes_the_client_appeal_when_the_window_ends()
    {
        // Hearing Mon 11/30/2026 10:00; missed; good cause until Thu 12/10/2026; closed at 00:01 on 12/11.
        var (_, id, caseNumber, _) = await ClientAppealAsync("noshow", "300000000005");
        using var worker = await StaffAsync("worker.noshow@dmas.virginia.gov", Role.CaseWorker);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        var scheduled = await ActAsync(worker, $"/staff/appeals/{id}/schedule", new() { ["Form.Date"] = "11/30/2026", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100" });
        scheduled.Location.ShouldBe($"/appeals/{id}", scheduled.Text);

        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        using var later = NewBrowser();
        await later.SignInAsync(ConnectionString, "worker.noshow@dmas.virginia.gov", Password, staff: true);
        (await ActAsync(later, $"/staff/appeals/{id}/no-show", [])).Location.ShouldBe($"/appeals/{id}");
        (await later.GetAsync($"/appeals/{id}")).Text.ShouldContain("Good cause may be shown until 12/10/2026");

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 5, 2, 0, TimeSpan.Zero));
        await DeliverAsync();
        using var after = NewBrowser();
        await after.SignInAsync(ConnectionString, "worker.noshow@dmas.virginia.gov", Password, staff: true);
        var closed = await after.GetAsync($"/appeals/{id}");
        closed.Text.ShouldContain("Dismissed on 12/11/2026: Did not appear at the hearing and showed no good cause");
        (await AppealEmailsToAsync("client.noshow@example.com")).ShouldContain(e => e.Subject == $"Appeal {caseNumber} dismissed");

        // A dismissed appeal is a closed case, and "Closed cases" says closed means decided, dismissed or withdrawn.
        using var appellant = NewBrowser();
        await appellant.SignInAsync(ConnectionString, "client.noshow@example.com", Password);
        var closedCases = await appellant.GetAsync("/appeals/closed");
        closedCases.Text.ShouldContain("Appeals that were decided, dismissed or withdrawn.");
        closedCases.Text.ShouldContain(caseNumber);
    }

    [Test]
    public async Task Search_finds_by_case_number_name_npi_and_medicaid_id_and_exports_csv_without_phone_numbers()
    {
        var (_, clientAppeal, clientCase, _) = await ClientAppealAsync("search", "300000000006");
        var (owner, provider) = await ProviderAsync("owner.search@clinic.example", "Shenandoah Search Clinic");
        var providerAppeal = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        var npi = (string)(await ScalarAsync("SELECT npi FROM appeals.appeal_summaries WHERE id = @p", providerAppeal))!;
        using var worker = await StaffAsync("worker.search@dmas.virginia.gov", Role.InformalAppealsAgent);

        (await worker.GetAsync($"/staff/search?Search.Text={clientCase}")).Text.ShouldContain("Maria Lopez");
        var byName = await worker.GetAsync("/staff/search?Search.Text=shenandoah%20sea");
        byName.Text.ShouldContain("Shenandoah Search Clinic");
        byName.Text.ShouldNotContain(clientCase);
        (await worker.GetAsync($"/staff/search?Search.Npi={npi}")).Html.ShouldContain($"/appeals/{providerAppeal}");
        (await worker.GetAsync("/staff/search?Search.MedicaidId=300000000006")).Html.ShouldContain($"/appeals/{clientAppeal}");
        (await worker.GetAsync("/staff/search?Search.Text=%25")).Text.ShouldContain("No appeals match.");

        var csv = await worker.Http.GetAsync("/staff/search?Search.Text=shenandoah&handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var body = await csv.Content.ReadAsStringAsync();
        body.ShouldStartWith("Case number,Kind,Status,Appellant,NPI");
        body.ShouldContain($"\"{npi}\"");
        body.ShouldNotContain("540-555-0142");
    }

    [Test]
    public async Task The_json_api_takes_the_same_actions_and_answers_conflicts_and_bad_fields_in_json_terms()
    {
        var (_, id, caseNumber, _) = await ClientAppealAsync("api", "300000000007");
        using var worker = await StaffAsync("worker.api@dmas.virginia.gov", Role.CaseWorker);
        // Changes through /api with the session cookie carry the page's antiforgery token (ADR 0031).
        worker.Http.DefaultRequestHeaders.Add("RequestVerificationToken", (await worker.GetAsync("/account/change-password")).AntiforgeryToken);

        var version = (await worker.Http.GetFromJsonAsync<JsonElement>($"/api/v1/appeals/{id}")).GetProperty("version").GetInt64();
        var bad = await worker.Http.PostAsJsonAsync($"/api/v1/appeals/{id}/dismiss", new { version });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("Choose the reason for dismissing.");

        var docketed = await worker.Http.PostAsJsonAsync($"/api/v1/appeals/{id}/docket", new { version });
        docketed.StatusCode.ShouldBe(HttpStatusCode.OK, await docketed.Content.ReadAsStringAsync());
        (await docketed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString().ShouldBe($"{caseNumber} is docketed. The appellant and the agency are told.");

        var stale = await worker.Http.PostAsJsonAsync($"/api/v1/appeals/{id}/docket", new { version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var scheduled = await worker.Http.PostAsJsonAsync($"/api/v1/appeals/{id}/hearing", new { date = "2027-01-19", time = "14:00", channel = "Video", details = "https://meet.example/abc" });
        scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        var intake = await worker.Http.GetFromJsonAsync<JsonElement>("/api/v1/staff/appeals?text=" + caseNumber);
        intake.GetProperty("rows")[0].GetProperty("status").GetString().ShouldBe("Scheduled");

        // The dashboard's per-person counts once failed to translate to SQL, so the page and the API answered 500.
        var board = await worker.Http.GetAsync("/api/v1/staff/deadlines?within=365");
        board.StatusCode.ShouldBe(HttpStatusCode.OK, await board.Content.ReadAsStringAsync());
        (await board.Content.ReadAsStringAsync()).ShouldContain(caseNumber);
        (await worker.GetAsync("/staff/deadlines")).Status.ShouldBe(HttpStatusCode.OK);

        var openApi = await worker.Http.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("/api/v1/appeals/{id}/hearing/reschedule");
        openApi.ShouldContain("/api/v1/staff/appeals");
    }
}
