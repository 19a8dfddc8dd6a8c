using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aims.Appeals.Model;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// Asking the division online (ADR 0038): a new hearing date, good cause after a no-show, exceptions to a recommended
/// decision; each accepted on its last day, refused the day after, answered by staff with a reason; parties only.
/// </summary>
public sealed class DivisionRequestTests() : AppealsTest("aims_test_appeals_requests")
{
    [Test]
    public async Task Exceptions_are_accepted_on_the_fourteenth_day_and_refused_the_day_after()
    {
        // Recommended decision Mon 11/23/2026: exceptions until Mon 12/07/2026 (14 days, § 2.2-4020 [check]).
        var (owner, provider) = await ProviderAsync("owner.exceptions@clinic.example");
        var informal = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        await IssueDecisionAsync(informal, DecisionLevel.Informal, new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 14));
        var formal = await FileAsync(owner, $"/appeals/{informal}/formal", FormalFields("Email"));
        await IssueDecisionAsync(formal, DecisionLevel.Recommended, new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 7));
        var caseNumber = CaseNumber().Match((await owner.GetAsync($"/appeals/{formal}")).Text).Value;
        (await owner.GetAsync($"/appeals/{formal}")).Text.ShouldContain("File exceptions or a brief (until 12/07/2026)");

        // 11:30 PM in Richmond on the last day.
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 4, 30, 0, TimeSpan.Zero));
        using var ownerLate = await SignIn("owner.exceptions@clinic.example");
        using var worker = await StaffAsync("worker.exceptions@dmas.virginia.gov", Role.CaseWorker);
        var empty = await ActAsync(ownerLate, $"/appeals/{formal}/ask/exceptions", new() { ["Reason"] = " " });
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.Text.ShouldContain("Say what you are asking for and why.");
        var asked = await ActAsync(ownerLate, $"/appeals/{formal}/ask/exceptions", new() { ["Reason"] = "The hearing officer relied on a sample drawn from the wrong year." });
        asked.Location.ShouldBe($"/appeals/{formal}#requests", asked.Text);
        var page = await ownerLate.GetAsync($"/appeals/{formal}");
        page.Text.ShouldContain("Asked the Appeals Division for: exceptions to the recommended decision");
        page.Text.ShouldContain("Waiting for the Appeals Division's answer.");
        await DeliverAsync();
        (await AppealEmailsToAsync("worker.exceptions@dmas.virginia.gov")).ShouldContain(e =>
            e.Subject == $"Exceptions to the recommended decision: request on appeal {caseNumber}" && e.TextBody.Contains("wrong year"));

        // 12:30 AM the day after: the page says so instead of offering the form, and a post is refused the same way.
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 5, 30, 0, TimeSpan.Zero));
        using var ownerAfter = await SignIn("owner.exceptions@clinic.example");
        var late = $"The last day to file exceptions to the recommended decision on {caseNumber} was 12/07/2026.";
        var shown = await ownerAfter.GetAsync($"/appeals/{formal}/ask/exceptions");
        shown.Text.ShouldContain(late);
        shown.Html.ShouldNotContain("name=\"Reason\"");
        var posted = await ownerAfter.PostWithTokenAsync($"/appeals/{formal}/ask/exceptions", [new("Reason", "More."), new("SeenVersion", "3")], shown.AntiforgeryToken);
        posted.Text.ShouldContain(late);
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'DivisionRequestMade'", formal)).ShouldBe(1L);

        // The final decision waits for the answer; the administrator refuses it with a reason the provider is told.
        using var administrator = await StaffAsync("admin.exceptions@dmas.virginia.gov", Role.AppealsAdministrator);
        var requestId = System.Text.RegularExpressions.Regex.Match((await administrator.GetAsync($"/appeals/{formal}")).Html, $"/staff/appeals/{formal}/requests/([0-9a-f-]{{36}})").Groups[1].Value;
        (await ActAsync(administrator, $"/staff/appeals/{formal}/requests/{requestId}", [])).Text.ShouldContain("Choose whether the request is granted or refused.");
        (await ActAsync(administrator, $"/staff/appeals/{formal}/requests/{requestId}", new() { ["Granted"] = "false", ["Reason"] = "The sample year was the right one; see page 4 of the record." }))
            .Location.ShouldBe($"/appeals/{formal}");
        // Answered: the form is gone, and answering again through the API is refused (409) with why.
        var answered = await administrator.GetAsync($"/staff/appeals/{formal}/requests/{requestId}");
        answered.Text.ShouldContain("Refused on 12/08/2026 by");
        answered.Html.ShouldNotContain("name=\"Granted\"");
        administrator.Http.DefaultRequestHeaders.Add("RequestVerificationToken", (await administrator.GetAsync("/account/change-password")).AntiforgeryToken);
        var again = await administrator.Http.PostAsJsonAsync($"/api/v1/appeals/{formal}/requests/{requestId}/answer", new { granted = true, reason = "Again." });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("This request was already refused on 12/08/2026.");
        await DeliverAsync();
        (await AppealEmailsToAsync("owner.exceptions@clinic.example")).ShouldContain(e =>
            e.Subject == $"Your request on appeal {caseNumber} is refused" && e.TextBody.Contains("see page 4 of the record"));
        (await ownerAfter.GetAsync($"/appeals/{formal}")).Text.ShouldContain("Refused on 12/08/2026: The sample year was the right one; see page 4 of the record.");
    }

    [Test]
    public async Task Good_cause_shown_on_the_last_day_holds_the_case_open_until_the_division_grants_it()
    {
        // Hearing Mon 11/30/2026 10:00, missed: good cause until Thu 12/10/2026 (10 days).
        var (_, id, caseNumber, _) = await ClientAppealAsync("goodcause", "300000000201");
        using var worker = await StaffAsync("worker.goodcause@dmas.virginia.gov", Role.CaseWorker);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/schedule", new() { ["Form.Date"] = "11/30/2026", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100" }))
            .Location.ShouldBe($"/appeals/{id}");
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        using (var later = await StaffAgainAsync("worker.goodcause@dmas.virginia.gov"))
        {
            (await ActAsync(later, $"/staff/appeals/{id}/no-show", [])).Location.ShouldBe($"/appeals/{id}");
        }

        // 11:30 PM on Thu 12/10 in Richmond: accepted.
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 4, 30, 0, TimeSpan.Zero));
        using var client = await SignIn("client.goodcause@example.com");
        (await client.GetAsync($"/appeals/{id}")).Text.ShouldContain("Show good cause (until 12/10/2026)");
        (await ActAsync(client, $"/appeals/{id}/ask/good-cause", new() { ["Reason"] = "I was in the emergency room; the discharge paper is uploaded." }))
            .Location.ShouldBe($"/appeals/{id}#requests");

        // 12:30 AM on Fri 12/11: refused with the date; the window's check finds the request waiting and leaves the case open.
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 5, 30, 0, TimeSpan.Zero));
        using var clientAfter = await SignIn("client.goodcause@example.com");
        (await clientAfter.GetAsync($"/appeals/{id}/ask/good-cause")).Text
            .ShouldContain($"The last day to show good cause for the missed hearing or conference on {caseNumber} was 12/10/2026.");
        await DeliverAsync();
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'AppealDismissed'", id)).ShouldBe(0L);
        (await AppealEmailsToAsync("worker.goodcause@dmas.virginia.gov")).ShouldContain(e =>
            e.Subject == $"Good cause for missing the hearing or conference: request on appeal {caseNumber}");

        using var workerAfter = await StaffAgainAsync("worker.goodcause@dmas.virginia.gov");
        var requestId = System.Text.RegularExpressions.Regex.Match((await workerAfter.GetAsync($"/appeals/{id}")).Html, $"/staff/appeals/{id}/requests/([0-9a-f-]{{36}})").Groups[1].Value;
        var granted = await ActAsync(workerAfter, $"/staff/appeals/{id}/requests/{requestId}", new() { ["Granted"] = "true", ["Reason"] = "A hospital stay is good cause." });
        granted.Location.ShouldBe($"/appeals/{id}", granted.Text);
        var page = await clientAfter.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain("Good cause for missing the hearing accepted; it is to be scheduled again");
        page.Text.ShouldContain("Request granted: A hospital stay is good cause.");
        await DeliverAsync();
        (await AppealEmailsToAsync("client.goodcause@example.com")).ShouldContain(e => e.Subject == $"Your request on appeal {caseNumber} is granted");
    }

    [Test]
    public async Task A_new_date_is_asked_until_the_day_before_the_hearing_and_a_third_needs_a_compelling_reason()
    {
        // Hearing Tue 01/19/2027 at 10:00: a new date may be asked until Mon 01/18/2027.
        var (client, id, caseNumber, _) = await ClientAppealAsync("newdate", "300000000202");
        using var worker = await StaffAsync("worker.newdate@dmas.virginia.gov", Role.CaseWorker);
        (await client.GetAsync($"/appeals/{id}/ask/new-date")).Text.ShouldContain($"{caseNumber} has no hearing or conference scheduled to move.");
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/schedule", new() { ["Form.Date"] = "01/12/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100" }))
            .Location.ShouldBe($"/appeals/{id}");
        foreach (var date in new[] { "01/14/2027", "01/19/2027" })
        {
            (await ActAsync(worker, $"/staff/appeals/{id}/reschedule", new()
            {
                ["Form.Date"] = date, ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100", ["Reason"] = "Asked by phone.", ["AppellantRequested"] = "true",
            })).Location.ShouldBe($"/appeals/{id}");
        }

        // 11:30 PM on Mon 01/18: a third request without a compelling reason is refused, with one it is accepted.
        Clock.SetUtcNow(new DateTimeOffset(2027, 1, 19, 4, 30, 0, TimeSpan.Zero));
        using var clientLate = await SignIn("client.newdate@example.com");
        (await ActAsync(clientLate, $"/appeals/{id}/ask/new-date", new() { ["Reason"] = "My aide quit." }))
            .Text.ShouldContain($"The hearing on {caseNumber} has already been moved 2 times at your request: another new date needs a compelling reason. Say what it is.");
        (await ActAsync(clientLate, $"/appeals/{id}/ask/new-date", new() { ["Reason"] = "My aide quit.", ["CompellingReason"] = "I cannot leave the house without an aide." }))
            .Location.ShouldBe($"/appeals/{id}#requests");
        // One waits at a time: the page says so instead of the form.
        var waiting = await clientLate.GetAsync($"/appeals/{id}/ask/new-date");
        waiting.Text.ShouldContain($"Your request of 01/18/2027 on {caseNumber} is still waiting for the Appeals Division's answer.");
        waiting.Html.ShouldNotContain("name=\"Reason\"");

        // 12:30 AM on the hearing day: too late, with the date.
        Clock.SetUtcNow(new DateTimeOffset(2027, 1, 19, 5, 30, 0, TimeSpan.Zero));
        using var clientAfter = await SignIn("client.newdate@example.com");
        (await clientAfter.GetAsync($"/appeals/{id}/ask/new-date")).Text
            .ShouldContain($"The last day to ask for a new date on {caseNumber} was 01/18/2027, the day before the hearing or conference. Call the Appeals Division at once.");
        using var workerAfter = await StaffAgainAsync("worker.newdate@dmas.virginia.gov");
        (await workerAfter.GetAsync($"/appeals/{id}")).Text.ShouldContain("Compelling reason: I cannot leave the house without an aide.");
    }

    [Test]
    public async Task Only_the_appeals_own_parties_ask_and_only_staff_answer_and_the_api_does_the_same()
    {
        var (client, id, _, _) = await ClientAppealAsync("reqaccess", "300000000203");
        using var coordinator = await SignIn("coord.reqaccess@dss.example");
        using var stranger = await ClientAsync("stranger.reqaccess@example.com", "300000000204");
        using var worker = await StaffAsync("worker.reqaccess@dmas.virginia.gov", Role.CaseWorker);
        (await coordinator.GetAsync($"/appeals/{id}/ask/new-date")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/appeals/{id}/ask/new-date")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/appeals/{id}/ask/something-else")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/staff/appeals/{id}/requests/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.Forbidden);

        // The API, for a provider's system: the same rules and messages, field names in a 400 as JSON names.
        var (owner, provider) = await ProviderAsync("owner.reqaccess@clinic.example", role: Role.ProviderRepresentative);
        var informal = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        var pi = CaseNumber().Match((await owner.GetAsync($"/appeals/{informal}")).Text).Value;
        (await ActAsync(worker, $"/staff/appeals/{informal}/docket", [])).Location.ShouldBe($"/appeals/{informal}");
        (await ActAsync(worker, $"/staff/appeals/{informal}/schedule", new() { ["Form.Date"] = "01/12/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100" }))
            .Location.ShouldBe($"/appeals/{informal}");
        using var api = await ApiAsync(owner, "requests", "AppealsFile", "AppealsRead");
        var (strangerOwner, _) = await ProviderAsync("stranger.reqaccess@clinic.example", "Valley Ortho", Role.ProviderRepresentative);
        using var strangerApi = await ApiAsync(strangerOwner, "stranger", "AppealsFile");
        var noKind = await api.PostAsJsonAsync($"/api/v1/appeals/{informal}/requests", new { reason = "Surgery that week." });
        noKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("kind")[0].GetString().ShouldBe("Choose what you are asking for.");
        var wrongKind = await api.PostAsJsonAsync($"/api/v1/appeals/{informal}/requests", new { kind = "Exceptions", reason = "No." });
        wrongKind.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await wrongKind.Content.ReadAsStringAsync()).ShouldContain($"{pi} has no recommended decision open to exceptions.");
        var asked = await api.PostAsJsonAsync($"/api/v1/appeals/{informal}/requests", new { kind = "NewDate", reason = "Surgery that week." });
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        var requestId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
        (await strangerApi.PostAsJsonAsync($"/api/v1/appeals/{informal}/requests", new { kind = "NewDate", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        worker.Http.DefaultRequestHeaders.Add("RequestVerificationToken", (await worker.GetAsync("/account/change-password")).AntiforgeryToken);
        var noReason = await worker.Http.PostAsJsonAsync($"/api/v1/appeals/{informal}/requests/{requestId}/answer", new { granted = true });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("Say why, for the appellant.");
        var answered = await worker.Http.PostAsJsonAsync($"/api/v1/appeals/{informal}/requests/{requestId}/answer", new { granted = true, reason = "Surgery is a good reason." });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        (await answered.Content.ReadAsStringAsync()).ShouldContain("Reschedule the informal fact-finding conference now, as asked by the appellant.");
        (await api.PostAsJsonAsync($"/api/v1/appeals/{informal}/requests/{requestId}/answer", new { granted = true, reason = "Me." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetStringAsync($"/api/v1/appeals/{informal}/timeline")).ShouldContain("Request granted: Surgery is a good reason.");
    }

    /// <summary>A member of staff signed in again (after the clock moved past the idle limit).</summary>
    private async Task<FormClient> StaffAgainAsync(string email)
    {
        var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password, staff: true);
        return browser;
    }
}
