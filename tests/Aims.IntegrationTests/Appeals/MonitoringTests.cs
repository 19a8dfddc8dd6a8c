using System.Net;
using System.Text.RegularExpressions;
using Aims.Appeals.Model;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// Following appeals: who sees one (everyone else gets 404), the lists and their filters, the history, withdrawal
/// (once, with the agency told), decisions read and downloaded, and the formal appeal of an informal decision.
/// </summary>
public sealed partial class MonitoringTests() : AppealsTest("aims_test_appeals_monitoring")
{
    [Test]
    public async Task A_providers_users_and_the_named_agencys_coordinators_see_the_appeal_and_nobody_else_does()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Program Integrity Contractor", "coord.named@pic.example");
        await AgencyAsync(AgencyType.ProviderAgency, "Another Contractor", "coord.other@other.example");
        var (owner, provider) = await ProviderAsync("owner.access@clinic.example");
        using var colleague = await MemberAsync(provider, "colleague.access@clinic.example");
        using var representative = await MemberAsync(provider, "rep.access@billing.example", Role.ProviderRepresentative);
        var (outsider, _) = await ProviderAsync("outsider.access@clinic.example", "Tidewater Dental");
        using var namedCoordinator = await SignIn("coord.named@pic.example");
        using var otherCoordinator = await SignIn("coord.other@other.example");
        using var client = await ClientAsync("client.access@example.com", "500000000005");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026", agencyId: agency));
        var caseNumber = PiNumber().Match((await owner.GetAsync($"/appeals/{id}")).Text).Value;

        foreach (var party in new[] { owner, colleague, representative })
        {
            (await party.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.OK);
            (await party.GetAsync($"/appeals/{id}/withdraw")).Status.ShouldBe(HttpStatusCode.OK);
            (await party.GetAsync("/appeals")).Text.ShouldContain(caseNumber);
        }

        var asCoordinator = await namedCoordinator.GetAsync($"/appeals/{id}");
        asCoordinator.Status.ShouldBe(HttpStatusCode.OK);
        asCoordinator.Html.ShouldNotContain($"/appeals/{id}/withdraw");
        (await namedCoordinator.GetAsync($"/appeals/{id}/withdraw")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await namedCoordinator.GetAsync("/agency/appeals")).Text.ShouldContain(caseNumber);

        foreach (var stranger in new[] { outsider, otherCoordinator, client })
        {
            (await stranger.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.GetAsync($"/appeals/{id}/filed")).Status.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.GetAsync($"/appeals/{id}/withdraw")).Status.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.GetAsync($"/appeals/{id}?handler=Decision&number=1")).Status.ShouldBe(HttpStatusCode.NotFound);
        }

        (await outsider.GetAsync("/appeals")).Text.ShouldNotContain(caseNumber);
        (await otherCoordinator.GetAsync("/agency/appeals")).Text.ShouldNotContain(caseNumber);
        (await client.GetAsync("/appeals")).Text.ShouldNotContain(caseNumber);
        (await NewBrowser().GetAsync($"/appeals/{id}")).Location!.ShouldContain("/account/sign-in");
    }

    [Test]
    public async Task A_client_appeal_belongs_to_the_person_who_filed_it_alone()
    {
        using var representative = await SignedInAsync("rep.client@legalaid.example", Role.AuthorizedRepresentative);
        using var otherRepresentative = await SignedInAsync("rep.other@legalaid.example", Role.AuthorizedRepresentative);
        using var client = await ClientAsync("client.other@example.com", "600000000006");
        var fields = ClientFields("11/16/2026");
        fields["Form.Capacity"] = "Guardian";
        fields["Form.AppellantName"] = "Edith Marsh";
        fields["Form.MedicaidId"] = "600000000007";

        var id = await FileAsync(representative, "/appeals/file/client", fields);

        (await representative.GetAsync($"/appeals/{id}")).Text.ShouldContain("Edith Marsh");
        (await representative.GetAsync("/appeals")).Text.ShouldContain("Edith Marsh");
        (await otherRepresentative.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task My_appeals_filters_by_kind_and_sorts_and_shows_the_next_deadline()
    {
        var (owner, provider) = await ProviderAsync("owner.lists@clinic.example");
        var first = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        await IssueDecisionAsync(first, DecisionLevel.Informal, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 21));
        await FileAsync(owner, $"/appeals/{first}/formal", FormalFields("Email"));

        var all = await owner.GetAsync("/appeals");
        all.Text.ShouldContain("Recommended decision due");
        all.Text.ShouldContain("03/23/2027");
        var formalOnly = await owner.GetAsync("/appeals?Kind=ProviderFormal");
        PfNumber().IsMatch(formalOnly.Text).ShouldBeTrue();
        PiNumber().IsMatch(formalOnly.Text).ShouldBeFalse();
        (await owner.GetAsync("/appeals?Kind=Nonsense&Sort=Sideways")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Withdrawing_asks_first_closes_the_case_tells_the_agency_and_shows_in_the_history()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Audit Contractor W", "coord.withdraw@audit.example");
        var (owner, provider) = await ProviderAsync("owner.withdraw@clinic.example");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026", agencyId: agency));
        var caseNumber = PiNumber().Match((await owner.GetAsync($"/appeals/{id}")).Text).Value;

        var confirm = await owner.GetAsync($"/appeals/{id}/withdraw");
        confirm.Text.ShouldContain($"Withdraw appeal {caseNumber}?");
        var withdrawn = await owner.PostAsync($"/appeals/{id}/withdraw", new Dictionary<string, string?> { ["Reason"] = "We settled with the contractor.", ["SeenVersion"] = "1" });

        withdrawn.Location.ShouldBe($"/appeals/{id}");
        var detail = await owner.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain("is withdrawn. We emailed you a confirmation.");
        detail.Text.ShouldContain("Withdrawn on 11/23/2026 by Test ProviderUser: “We settled with the contractor.”");
        detail.Text.ShouldContain("Appeal withdrawn: “We settled with the contractor.”");
        detail.Html.ShouldNotContain($"/appeals/{id}/withdraw\"");
        (await owner.GetAsync("/appeals")).Text.ShouldNotContain(caseNumber);
        (await owner.GetAsync("/appeals/closed")).Text.ShouldContain(caseNumber);
        (await AppealEmailsToAsync("owner.withdraw@clinic.example")).ShouldContain(e => e.Subject == $"Appeal {caseNumber} withdrawn");
        await DeliverAsync();
        var notice = (await AppealEmailsToAsync("coord.withdraw@audit.example")).Single(e => e.Subject.Contains("withdrawn"));
        notice.TextBody.ShouldContain("saying: \"We settled with the contractor.\"");

        // The same confirmation sent again (a second tab): refused with the reason, nothing appended.
        var again = await owner.PostWithTokenAsync($"/appeals/{id}/withdraw", [new("SeenVersion", "1")], confirm.AntiforgeryToken);
        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Text.ShouldContain($"{caseNumber} was already withdrawn on 11/23/2026.");
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'WithdrawnByAppellant'", id)).ShouldBe(1L);
    }

    [Test]
    public async Task Two_withdrawals_at_the_same_moment_append_one_event()
    {
        var (owner, provider) = await ProviderAsync("owner.race@clinic.example");
        using var colleague = await MemberAsync(provider, "colleague.race@clinic.example");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        var ownerToken = (await owner.GetAsync($"/appeals/{id}/withdraw")).AntiforgeryToken;
        var colleagueToken = (await colleague.GetAsync($"/appeals/{id}/withdraw")).AntiforgeryToken;

        var answers = await Task.WhenAll(
            owner.PostWithTokenAsync($"/appeals/{id}/withdraw", [new("SeenVersion", "1")], ownerToken),
            colleague.PostWithTokenAsync($"/appeals/{id}/withdraw", [new("SeenVersion", "1")], colleagueToken));

        answers.Count(a => a.Status == HttpStatusCode.Redirect).ShouldBe(1);
        var refused = answers.Single(a => a.Status == HttpStatusCode.OK);
        refused.Text.ShouldMatch("changed since you opened it|was already withdrawn");
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'WithdrawnByAppellant'", id)).ShouldBe(1L);
    }

    [Test]
    public async Task A_decision_is_read_on_the_page_downloaded_and_a_decided_appeal_cannot_be_withdrawn()
    {
        var (owner, provider) = await ProviderAsync("owner.decision@clinic.example");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        var confirm = await owner.GetAsync($"/appeals/{id}/withdraw");
        await IssueDecisionAsync(id, DecisionLevel.Informal, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 21));

        var detail = await owner.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain("Informal decision of 11/20/2026: Sustained");
        detail.Text.ShouldContain("To take this decision further, file by 12/21/2026");
        detail.Html.ShouldContain($"href=\"/appeals/{id}/formal\"");
        var download = await owner.Http.GetAsync($"/appeals/{id}?handler=Decision&number=1");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        download.Content.Headers.ContentDisposition!.FileName!.ShouldMatch(@"PI-2026-\d{6,}-decision-1\.txt");
        (await download.Content.ReadAsStringAsync()).ShouldContain("The adjustment is sustained.");
        (await owner.Http.GetAsync($"/appeals/{id}?handler=Decision&number=2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var refused = await owner.PostWithTokenAsync($"/appeals/{id}/withdraw", [new("SeenVersion", "1")], confirm.AntiforgeryToken);
        refused.Text.ShouldContain("has its decision (issued 11/20/2026); a decided appeal cannot be withdrawn.");
        (await owner.GetAsync("/appeals/closed")).Text.ShouldContain("Decided");
    }

    [Test]
    public async Task A_formal_appeal_is_due_30_days_after_receipt_of_the_informal_decision_and_is_filed_once()
    {
        var (owner, provider) = await ProviderAsync("owner.formal@clinic.example");
        var informal = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        var early = await owner.PostAsync($"/appeals/{informal}/formal", FormalFields("Mail"));
        early.Text.ShouldContain("has no informal decision yet; a formal appeal follows the informal decision.");

        // Decided 11/10, mailed → received 11/13; day 30 is Sunday 12/13 → Monday 12/14.
        await IssueDecisionAsync(informal, DecisionLevel.Informal, new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 14));
        var formal = await FileAsync(owner, $"/appeals/{informal}/formal", FormalFields("Mail"));

        var detail = await owner.GetAsync($"/appeals/{formal}");
        var pf = PfNumber().Match(detail.Text).Value;
        pf.ShouldNotBeEmpty();
        detail.Text.ShouldContain("Last day to file 12/14/2026 — filed on time");
        detail.Text.ShouldContain("Recommended decision due 03/23/2027");
        detail.Html.ShouldContain($"href=\"/appeals/{informal}\"");
        var informalPage = await owner.GetAsync($"/appeals/{informal}");
        informalPage.Text.ShouldContain($"Formal appeal {pf} filed from this appeal");
        informalPage.Html.ShouldNotContain($"href=\"/appeals/{informal}/formal\"");
        (await owner.PostAsync($"/appeals/{informal}/formal", FormalFields("Mail"))).Text.ShouldContain($"A formal appeal of");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE kind = 'ProviderFormal' AND provider_id = @p", provider)).ShouldBe(1L);

        var (outsider, _) = await ProviderAsync("outsider.formal@clinic.example", "Valley Ortho");
        (await outsider.GetAsync($"/appeals/{informal}/formal")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex(@"PI-2026-\d{6,}")]
    private static partial Regex PiNumber();

    [GeneratedRegex(@"PF-2026-\d{6,}")]
    private static partial Regex PfNumber();
}
