using System.Net;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// A formal appeal after an informal decision made outside AIMS (ADR 0038): its own form, 30 days from the decision's
/// receipt, and the decision letter as a document of its own kind.
/// </summary>
public sealed class OutsideFormalFilingTests() : AppealsTest("aims_test_appeals_outside_formal")
{
    private static Dictionary<string, string?> Fields(Guid providerId, string caseNumber, string decisionDate)
    {
        var fields = FormalFields("Mail");
        fields["Form.ProviderId"] = providerId.ToString();
        fields["Form.InformalCaseNumber"] = caseNumber;
        fields["Form.InformalDecisionDate"] = decisionDate;
        return fields;
    }

    [Test]
    public async Task The_window_counts_from_the_mailed_decisions_receipt_on_time_on_the_last_day_late_the_day_after()
    {
        // Decided Tue 11/10/2026 and mailed: received Fri 11/13; day 30 is Sun 12/13, so the last day is Mon 12/14/2026.
        var (owner, provider) = await ProviderAsync("owner.outside@clinic.example");
        (await owner.GetAsync("/appeals")).Html.ShouldContain("href=\"/appeals/file/formal\"");
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 4, 30, 0, TimeSpan.Zero)); // 11:30 PM on 12/14 in Richmond
        using var onTimeBrowser = await SignIn("owner.outside@clinic.example");
        var checkedDeadline = await onTimeBrowser.PostAsync("/appeals/file/formal", Fields(provider, "PI-2025-000123", "11/10/2026"), "/appeals/file/formal?handler=Check");
        checkedDeadline.Text.ShouldContain("The last day to file is Monday, December 14, 2026");
        checkedDeadline.Text.ShouldContain("the appeal is on time");
        var onTime = await FileAsync(onTimeBrowser, "/appeals/file/formal", Fields(provider, "pi-2025-000123", "11/10/2026"));

        var filed = await onTimeBrowser.GetAsync($"/appeals/{onTime}/filed");
        filed.Html.ShouldContain($"href=\"/appeals/{onTime}?category=InformalDecisionLetter#documents\"");
        var page = await onTimeBrowser.GetAsync($"/appeals/{onTime}");
        page.Text.ShouldContain("Last day to file 12/14/2026 — filed on time");
        page.Text.ShouldContain("PI-2025-000123, decided 11/10/2026 outside AIMS");
        page.Text.ShouldContain("of the informal decision in PI-2025-000123 made outside AIMS");
        page.Html.ShouldNotContain($"href=\"/appeals/{Guid.Empty}\"");
        (await onTimeBrowser.GetAsync($"/appeals/{onTime}?category=InformalDecisionLetter")).Html.ShouldContain("<option value=\"InformalDecisionLetter\" selected=\"selected\">");

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 5, 30, 0, TimeSpan.Zero)); // 12:30 AM on 12/15
        using var lateBrowser = await SignIn("owner.outside@clinic.example");
        var late = await FileAsync(lateBrowser, "/appeals/file/formal", Fields(provider, "PI-2025-000124", "11/10/2026"));
        (await lateBrowser.GetAsync($"/appeals/{late}")).Text.ShouldContain("Last day to file 12/14/2026 — filed late");
    }

    [Test]
    public async Task Bad_input_names_the_field_and_an_informal_case_in_aims_is_appealed_from_its_page()
    {
        var (owner, provider) = await ProviderAsync("owner.outside-bad@clinic.example");
        var empty = await owner.PostAsync("/appeals/file/formal", new Dictionary<string, string?> { ["Form.InformalDecisionDate"] = "13/45/2026" });
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.Text.ShouldContain("Choose the provider this appeal is for.");
        empty.Text.ShouldContain("Enter the informal appeal's case number, as on the decision letter.");
        empty.Text.ShouldContain("Choose how the informal decision reached you.");
        empty.Text.ShouldContain("Say why the informal decision is wrong.");
        (await owner.PostAsync("/appeals/file/formal", Fields(provider, "PI-2025-000125", "01/04/2027"))).Text.ShouldContain("The decision date cannot be after today.");

        var informal = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        var pi = CaseNumber().Match((await owner.GetAsync($"/appeals/{informal}")).Text).Value;
        (await owner.PostAsync("/appeals/file/formal", Fields(provider, pi, "11/20/2026")))
            .Text.ShouldContain($"{pi} is an appeal in AIMS: file the formal appeal from its page, so its record carries forward.");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE kind = 'ProviderFormal' AND provider_id = @p", provider)).ShouldBe(0L);

        // A draft of the form comes back to the form, not to an appeal page.
        var saved = await owner.PostAsync("/appeals/file/formal", Fields(provider, "PI-2025-000126", "11/10/2026"), "/appeals/file/formal?handler=Save");
        saved.Location.ShouldNotBeNull().ShouldStartWith("/appeals/file/formal?draft=");
        (await owner.GetAsync("/appeals")).Html.ShouldContain(saved.Location!);

        using var client = await ClientAsync("client.outside-bad@example.com", "300000000301");
        (await client.GetAsync("/appeals/file/formal")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
