using System.Net;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// The appeal lists (issue 22, ADR 0037): status filters, search, pages of 25, every sort, rows written straight into
/// the list table so each test controls statuses and dates; dated labels and the PDF receipt. Today is Mon 11/23/2026.
/// </summary>
public sealed partial class AppealPagesTests() : AppealsTest("aims_test_appeals_pages")
{
    private static int serial = 800_000;

    [Test]
    public async Task Every_status_filters_its_list_open_statuses_on_my_appeals_and_closed_ones_on_closed_cases()
    {
        var (browser, providerId) = await ProviderAsync("statuses@clinic.example");
        string[] statuses = ["Filed", "Docketed", "Scheduled", "RecommendedDecision", "Decided", "Withdrawn", "Dismissed"];
        var byStatus = new Dictionary<string, string>();
        foreach (var status in statuses)
        {
            byStatus[status] = await SeedAsync(providerId, status: status);
        }

        foreach (var status in statuses[..4])
        {
            var page = await browser.GetAsync($"/appeals?Status={status}");
            page.Html.ShouldContain($"<option value=\"{status}\" selected=\"selected\"");
            Cases(page).ShouldBe([byStatus[status]], $"/appeals?Status={status}");
        }

        foreach (var status in statuses[4..])
        {
            Cases(await browser.GetAsync($"/appeals/closed?Status={status}")).ShouldBe([byStatus[status]], $"/appeals/closed?Status={status}");
        }

        // A closed status is not offered on the open list, so it does not empty it; the lists hold 4 and 3.
        (await browser.GetAsync("/appeals")).Html.ShouldNotContain("<option value=\"Withdrawn\"");
        Cases(await browser.GetAsync("/appeals?Status=Withdrawn")).Count.ShouldBe(4);
        Cases(await browser.GetAsync("/appeals/closed")).Count.ShouldBe(3);
        (await browser.GetAsync("/appeals/closed?Status=Filed&q=nobody")).Text.ShouldContain("No closed appeals match these filters.");
    }

    [Test]
    public async Task A_search_finds_a_case_number_a_claim_reference_an_appellant_or_a_medicaid_id()
    {
        var (browser, providerId) = await ProviderAsync("search@clinic.example");
        var claim = await SeedAsync(providerId, appellant: "Shenandoah Home Health", references: ["CLM-2026-551234", "ADJ-7781"]);
        var named = await SeedAsync(providerId, appellant: "Roanoke Valley Dialysis");
        var member = await SeedAsync(providerId, appellant: "Maria Lopez", medicaidId: "412345678901", kind: "Client");

        Cases(await browser.GetAsync($"/appeals?q={claim}")).ShouldBe([claim]);
        Cases(await browser.GetAsync($"/appeals?q={claim[..^2]}")).ShouldContain(claim, "the start of a case number finds it");
        Cases(await browser.GetAsync("/appeals?q=clm-2026-551234")).ShouldBe([claim], "a claim reference, in any case");
        Cases(await browser.GetAsync("/appeals?q=adj-7781")).ShouldBe([claim]);
        Cases(await browser.GetAsync("/appeals?q=roanoke")).ShouldBe([named], "the start of the appellant's name");
        Cases(await browser.GetAsync("/appeals?q=412345678901")).ShouldBe([member], "a Medicaid ID");
        Cases(await browser.GetAsync("/appeals?q=41234567890")).ShouldBeEmpty("a Medicaid ID matches whole");
        var none = await browser.GetAsync("/appeals?q=CLM-0000-000000");
        none.Text.ShouldContain("No open appeals match these filters.");

        var tooLong = await browser.GetAsync("/appeals?q=" + new string('x', 101));
        tooLong.Status.ShouldBe(HttpStatusCode.OK);
        tooLong.Text.ShouldContain("Search with at most 100 characters.");
    }

    [Test]
    public async Task Thirty_appeals_come_25_to_a_page_and_the_list_says_how_many()
    {
        var (browser, providerId) = await ProviderAsync("pages@clinic.example");
        var all = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            all.Add(await SeedAsync(providerId, filedOn: new DateOnly(2026, 10, 1).AddDays(i)));
        }

        var first = await browser.GetAsync("/appeals?Sort=CaseNumber");
        first.Text.ShouldContain("30 appeals; showing 1 to 25");
        Cases(first).ShouldBe(all.Order().Take(25));
        first.Html.ShouldContain("href=\"/appeals?Sort=CaseNumber&amp;page=2\"");

        var second = await browser.GetAsync("/appeals?Sort=CaseNumber&page=2");
        second.Text.ShouldContain("30 appeals; showing 26 to 30");
        Cases(second).ShouldBe(all.Order().Skip(25));

        Cases(await browser.GetAsync("/appeals?Sort=CaseNumber&page=9")).ShouldBe(all.Order().Skip(25), "a page past the end shows the last");
        var zero = await browser.GetAsync("/appeals?Sort=CaseNumber&page=0");
        zero.Status.ShouldBe(HttpStatusCode.OK);
        zero.Text.ShouldContain("Ask for a page from 1 to 10,000.");
        Cases(zero).ShouldBe(all.Order().Take(25));
    }

    [TestCase("NextDeadline", new[] { 1, 2, 0, 3 }, TestName = "Next deadline first: 12/01, 12/09, 12/20, then the one with none")]
    [TestCase("Newest", new[] { 3, 2, 1, 0 }, TestName = "Newest first: filed 11/20, 11/10, 11/05, 11/01")]
    [TestCase("CaseNumber", new[] { 0, 1, 2, 3 }, TestName = "Case number: in number order")]
    public async Task Each_sort_orders_the_list(string sort, int[] expected)
    {
        var (browser, providerId) = await ProviderAsync($"sort.{sort.ToLowerInvariant()}@clinic.example");
        string[] seeded =
        [
            await SeedAsync(providerId, filedOn: new(2026, 11, 1), nextDeadline: new(2026, 12, 20)),
            await SeedAsync(providerId, filedOn: new(2026, 11, 5), nextDeadline: new(2026, 12, 1)),
            await SeedAsync(providerId, filedOn: new(2026, 11, 10), nextDeadline: new(2026, 12, 9)),
            await SeedAsync(providerId, filedOn: new(2026, 11, 20), nextDeadline: null),
        ];

        var page = await browser.GetAsync($"/appeals?Sort={sort}");

        page.Html.ShouldContain($"<option value=\"{sort}\" selected=\"selected\"");
        Cases(page).ShouldBe(expected.Select(i => seeded[i]));
    }

    [Test]
    public async Task An_agency_sees_the_appeals_assigned_to_it_open_and_closed_and_no_others()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Magellan of Virginia", "coord@magellan.example");
        var other = await AgencyAsync(AgencyType.ProviderAgency, "Another Contractor", "coord@another.example");
        var open = await SeedAsync(null, agencyId: agency, status: "Scheduled");
        var closed = await SeedAsync(null, agencyId: agency, status: "Decided");
        var elsewhere = await SeedAsync(null, agencyId: other, status: "Filed");
        using var coordinator = await SignIn("coord@magellan.example");

        var openList = await coordinator.GetAsync("/agency/appeals");
        Cases(openList).ShouldBe([open]);
        openList.Text.ShouldContain("1 appeal");
        openList.Html.ShouldContain("href=\"/agency/appeals/closed\"");
        Cases(await coordinator.GetAsync("/agency/appeals/closed")).ShouldBe([closed]);
        Cases(await coordinator.GetAsync("/agency/appeals/closed?Status=Decided")).ShouldBe([closed]);
        Cases(await coordinator.GetAsync($"/agency/appeals?q={elsewhere}")).ShouldBeEmpty();

        using var provider = (await ProviderAsync("not.an.agency@clinic.example")).Browser;
        (await provider.GetAsync("/agency/appeals/closed")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Staff_correct_the_agency_the_old_one_loses_sight_of_the_appeal_and_the_new_one_sees_it_and_is_told()
    {
        var (client, id, caseNumber, richmond) = await ClientAppealAsync("reassign", "423456789012");
        var henrico = await AgencyAsync(AgencyType.ClientAgency, "Henrico DSS reassign", "coord.henrico@dss.example");
        var contractor = await AgencyAsync(AgencyType.ProviderAgency, "A provider contractor");
        using var worker = await StaffAsync("worker.reassign@dmas.virginia.gov", Role.CaseWorker);
        using var before = await SignIn("coord.reassign@dss.example");
        using var after = await SignIn("coord.henrico@dss.example");
        (await after.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await worker.GetAsync($"/appeals/{id}")).Html.ShouldContain($"href=\"/staff/appeals/{id}/agency\"");

        // Each bad input is named and nothing is written.
        var agencyPage = $"/staff/appeals/{id}/agency";
        (await ActAsync(worker, agencyPage, new() { ["Reason"] = "Wrong county." })).Text.ShouldContain("Choose the agency or contractor.");
        (await ActAsync(worker, agencyPage, new() { ["AgencyId"] = henrico.ToString() })).Text.ShouldContain("Say why the agency or contractor changes.");
        (await ActAsync(worker, agencyPage, new() { ["AgencyId"] = contractor.ToString(), ["Reason"] = "Wrong county." }))
            .Text.ShouldContain("Choose the agency or contractor from the list, or \"Not listed\".");
        (await ActAsync(worker, agencyPage, new() { ["AgencyId"] = richmond.ToString(), ["Reason"] = "Wrong county." }))
            .Text.ShouldContain($"{caseNumber} already names Richmond DSS reassign.");
        (await before.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.OK);

        var done = await ActAsync(worker, agencyPage, new() { ["AgencyId"] = henrico.ToString(), ["Reason"] = "The notice came from Henrico, not Richmond." });

        done.Location.ShouldBe($"/appeals/{id}", done.Text);
        (await before.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        Cases(await before.GetAsync("/agency/appeals")).ShouldNotContain(caseNumber);
        Cases(await after.GetAsync("/agency/appeals")).ShouldContain(caseNumber);
        var page = (await client.GetAsync($"/appeals/{id}")).Text;
        page.ShouldContain("Agency or contractor Henrico DSS reassign");
        page.ShouldContain("Agency or contractor set to Henrico DSS reassign");
        page.ShouldNotContain("The notice came from Henrico", customMessage: "the division's reason stays on the staff screens");
        await DeliverAsync();
        (await AppealEmailsToAsync("coord.henrico@dss.example")).ShouldContain(e => e.Subject.Contains($"Appeal {caseNumber} is now assigned to your agency"));
    }

    [Test]
    public async Task An_mco_members_page_labels_the_notice_date_and_the_mcos_final_decision_each_for_what_it_is()
    {
        using var client = await ClientAsync("mco.dates@example.com", "498765432101");
        var fields = ClientFields("06/20/2026");
        fields["Form.McoMember"] = "yes";
        fields["Form.McoOutcome"] = "decided";
        fields["Form.McoFinalDecisionDate"] = "07/01/2026";

        var id = await FileAsync(client, "/appeals/file/client", fields);
        var detail = (await client.GetAsync($"/appeals/{id}")).Text;

        // The notice is only dated; the 5 mailing days run from the MCO's final decision: 07/01 + 5 = 07/06, and
        // 120 days from 07/06 is Tuesday 11/03/2026, Election Day, so the last day is Wednesday 11/04 (filed 11/23: late).
        detail.ShouldContain("Notice Dated 06/20/2026");
        detail.ShouldNotContain("Dated 06/20/2026 (counts as received");
        detail.ShouldContain("MCO appeal Final decision 07/01/2026 (counts as received 07/06/2026; the time to ask for a hearing runs from then)");
        detail.ShouldContain("Last day to file 11/04/2026 — filed late");
    }

    [Test]
    public async Task The_filing_confirmation_downloads_as_a_pdf_receipt_with_the_case_what_was_filed_when_and_the_last_days()
    {
        using var client = await ClientAsync("receipt@example.com", "476543210987");
        var id = await FileAsync(client, "/appeals/file/client", ClientFields("11/16/2026"));
        var confirmation = await client.GetAsync($"/appeals/{id}/filed");
        confirmation.Html.ShouldContain($"href=\"/appeals/{id}/filed?handler=Receipt\" download");
        var caseNumber = CaseNumber().Match(confirmation.Text).Value;

        using var response = await client.Http.GetAsync($"/appeals/{id}/filed?handler=Receipt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName)!.Trim('"')
            .ShouldBe($"AIMS-{caseNumber}-receipt.pdf");
        var text = PdfText.Extract(await response.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Filing receipt");
        foreach (var fact in new[] { "Case number:", caseNumber, "Appellant:", "Filed:", "November 23, 2026 at", "On time?:", "Yes" })
        {
            text.ShouldContain(fact);
        }

        text.ShouldContain("Client appeal for Maria Lopez:");
        // Notice 11/16 + 5 mailing days = received 11/21; 30 days later is Monday 12/21/2026.
        text.ShouldContain("12/21/2026; this appeal was filed on time.");
        text.ShouldContain($"Case {caseNumber}");
        text.ShouldContain("Commonwealth of Virginia — Department of Medical Assistance Services — Appeals Division");
        text.ShouldContain("Page 1 of 1");

        using var stranger = await ClientAsync("not.the.filer@example.com", "476543210988");
        (await stranger.Http.GetAsync($"/appeals/{id}/filed?handler=Receipt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_pdf_receipt_of_a_person_reading_in_spanish_is_in_spanish_to_its_letterhead_and_footer()
    {
        using var client = await ClientAsync("receipt.es@example.com", "476543210989");
        await client.ChooseLanguageAsync("es");
        var id = await FileAsync(client, "/appeals/file/client", ClientFields("11/16/2026"));
        var caseNumber = CaseNumber().Match((await client.GetAsync($"/appeals/{id}/filed")).Text).Value;

        using var response = await client.Http.GetAsync($"/appeals/{id}/filed?handler=Receipt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = PdfText.Extract(await response.Content.ReadAsByteArrayAsync());
        foreach (var words in new[]
                 {
                     "Estado Libre Asociado de Virginia — Departamento de Servicios de Asistencia Médica — División de Apelaciones",
                     "Comprobante de presentación", "Número de caso:", "Apelante:", "¿A tiempo?:", "Sí", "23 de noviembre de 2026 a las",
                     // Notice 11/16 + 5 mailing days = received 11/21; 30 days later is Monday 12/21/2026.
                     "21 de diciembre de 2026; esta apelación se presentó a tiempo.",
                     // A heading with an accented capital, which the bold face cannot draw: set in the regular face.
                     "Último día para presentar",
                     $"Caso {caseNumber}", "Página 1 de 1",
                 })
        {
            text.ShouldContain(words);
        }

        foreach (var english in new[] { "Commonwealth", "Filing receipt", "Case number", "Page 1 of 1", $"Case {caseNumber}", "on time" })
        {
            text.ShouldNotContain(english);
        }
    }

    /// <summary>Writes one list row as the projection would and returns its case number.</summary>
    private async Task<string> SeedAsync(
        Guid? providerId, Guid? agencyId = null, string status = "Filed", string appellant = "Blue Ridge Family Clinic", string? medicaidId = null,
        string[]? references = null, DateOnly? filedOn = null, DateOnly? nextDeadline = null, string kind = "ProviderInformal")
    {
        var caseNumber = $"{(kind == "Client" ? "CL" : "PI")}-2026-{Interlocked.Increment(ref serial):D6}";
        var id = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO appeals.appeal_summaries (id, case_number, kind, status, appellant_name, action_type, provider_id, agency_id, medicaid_id,
                filed_by, filed_on, timely, expedited, closed, next_deadline, flags, claim_references, version, updated_at)
            VALUES (@id, @case, @kind, @status, @appellant, 'ClaimDenial', @provider, @agency, @medicaid,
                @id, @filed, true, false, @closed, @next, '{}', @references, 1, now())
            """,
            new()
            {
                ["id"] = id, ["case"] = caseNumber, ["kind"] = kind, ["status"] = status, ["appellant"] = appellant,
                ["provider"] = (object?)providerId ?? DBNull.Value, ["agency"] = (object?)agencyId ?? DBNull.Value,
                ["medicaid"] = (object?)medicaidId ?? DBNull.Value, ["filed"] = filedOn ?? new DateOnly(2026, 11, 2),
                ["closed"] = status is "Decided" or "Withdrawn" or "Dismissed", ["next"] = (object?)nextDeadline ?? DBNull.Value,
                ["references"] = references ?? [],
            });
        return caseNumber;
    }

    /// <summary>The case numbers the page's list shows, in order.</summary>
    private static List<string> Cases(FormClient.Page page) =>
        [.. ListedCase().Matches(page.Html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"<a href=""/appeals/[0-9a-f-]{36}"">((?:CL|PI|PF)-\d{4}-\d{6,})</a>")]
    private static partial Regex ListedCase();
}
