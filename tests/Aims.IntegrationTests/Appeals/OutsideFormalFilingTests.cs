using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// A formal appeal after an informal decision made outside AIMS (ADR 0038): its own form, 30 days from the decision's
/// receipt, and the decision letter as a document of its own kind, stored in the filing's
/// transaction: without a letter, or with a file the upload rules refuse, nothing is filed.
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

    private static readonly byte[] Letter = Encoding.ASCII.GetBytes("%PDF-1.7\n% informal decision, PI-2025-000123\n%%EOF\n");

    /// <summary>Posts the form as the page does, multipart, with the letter when one is given.</summary>
    private static async Task<FormClient.Page> PostAsync(FormClient browser, Dictionary<string, string?> fields, (string Name, byte[] Content)? letter)
    {
        var token = (await browser.GetAsync("/appeals/file/formal")).AntiforgeryToken.ShouldNotBeNull();
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            form.Add(new StringContent(value!), name);
        }

        if (letter is var (fileName, content))
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "DecisionLetter", fileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/appeals/file/formal") { Content = form };
        return await browser.SendAsync(request);
    }

    private static async Task<Guid> FileWithLetterAsync(FormClient browser, Dictionary<string, string?> fields)
    {
        var filed = await PostAsync(browser, fields, ("decision letter.pdf", Letter));
        filed.Status.ShouldBe(HttpStatusCode.Redirect, filed.Text);
        filed.Location.ShouldNotBeNull().ShouldEndWith("/filed");
        return Guid.Parse(filed.Location.Split('/')[2]);
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
        var onTime = await FileWithLetterAsync(onTimeBrowser, Fields(provider, "pi-2025-000123", "11/10/2026"));

        // The letter went in with the filing, as a document of its own kind shown on the appeal: nothing left to upload.
        (await onTimeBrowser.GetAsync($"/appeals/{onTime}/filed")).Html.ShouldNotContain("category=InformalDecisionLetter");
        (await CountAsync("SELECT count(*) FROM documents.documents WHERE appeal_id = @p AND category = 'InformalDecisionLetter' AND original_name = 'decision letter.pdf'", onTime))
            .ShouldBe(1L);
        var page = await onTimeBrowser.GetAsync($"/appeals/{onTime}");
        page.Text.ShouldContain("Last day to file 12/14/2026 — filed on time");
        page.Text.ShouldContain("PI-2025-000123, decided 11/10/2026 outside AIMS");
        page.Text.ShouldContain("of the informal decision in PI-2025-000123 made outside AIMS");
        page.Html.ShouldNotContain($"href=\"/appeals/{Guid.Empty}\"");
        page.Text.ShouldContain("decision letter.pdf");
        page.Text.ShouldContain("Informal decision letter");

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 5, 30, 0, TimeSpan.Zero)); // 12:30 AM on 12/15
        using var lateBrowser = await SignIn("owner.outside@clinic.example");
        var late = await FileWithLetterAsync(lateBrowser, Fields(provider, "PI-2025-000124", "11/10/2026"));
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
        empty.Text.ShouldContain("Attach the informal decision letter.");
        (await owner.PostAsync("/appeals/file/formal", Fields(provider, "PI-2025-000125", "01/04/2027"))).Text.ShouldContain("The decision date cannot be after today.");

        var informal = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        var pi = CaseNumber().Match((await owner.GetAsync($"/appeals/{informal}")).Text).Value;
        (await PostAsync(owner, Fields(provider, pi, "11/20/2026"), ("decision letter.pdf", Letter)))
            .Text.ShouldContain($"{pi} is an appeal in AIMS: file the formal appeal from its page, so its record carries forward.");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE kind = 'ProviderFormal' AND provider_id = @p", provider)).ShouldBe(0L);

        // A draft of the form comes back to the form, not to an appeal page.
        var saved = await owner.PostAsync("/appeals/file/formal", Fields(provider, "PI-2025-000126", "11/10/2026"), "/appeals/file/formal?handler=Save");
        saved.Location.ShouldNotBeNull().ShouldStartWith("/appeals/file/formal?draft=");
        (await owner.GetAsync("/appeals")).Html.ShouldContain(saved.Location!);

        using var client = await ClientAsync("client.outside-bad@example.com", "300000000301");
        (await client.GetAsync("/appeals/file/formal")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [TestCase(null, null, "Attach the informal decision letter.")]
    [TestCase("decision.exe", "MZ not a letter", "“decision.exe” is not a type the Appeals Division accepts.")]
    [TestCase("decision.pdf", "Dear provider, this is text named as a PDF.", "“decision.pdf” is not really a PDF file: its content does not match its name.")]
    [TestCase("decision.pdf", "", "“decision.pdf” is empty.")]
    public async Task A_missing_or_refused_letter_is_said_beside_its_field_and_nothing_is_filed(string? name, string? content, string message)
    {
        var (owner, provider) = await ProviderAsync($"owner.outside-letter-{(name ?? "none").Replace('.', '-')}-{content?.Length}@clinic.example");

        var refused = await PostAsync(owner, Fields(provider, "PI-2025-000200", "11/10/2026"), name is null ? null : (name, Encoding.ASCII.GetBytes(content!)));

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain(message);
        refused.Html.ShouldContain("href=\"#DecisionLetter\"");
        refused.Html.ShouldContain("id=\"DecisionLetter-error\"");
        // Nothing half-written: no appeal, no filing key left claimed, no document.
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(0L);
        (await CountAsync("SELECT count(*) FROM appeals.filing_keys k WHERE NOT EXISTS (SELECT 1 FROM appeals.appeal_summaries s WHERE s.id = k.appeal_id)")).ShouldBe(0L);
        (await CountAsync("SELECT count(*) FROM documents.documents WHERE original_name = @p", name ?? "decision.pdf")).ShouldBe(0L);
    }

    [Test]
    public async Task A_missing_letter_is_said_in_spanish_to_a_person_reading_in_spanish()
    {
        var (owner, provider) = await ProviderAsync("owner.outside-letter-es@clinic.example");
        await owner.ChooseLanguageAsync("es");

        var refused = await PostAsync(owner, Fields(provider, "PI-2025-000201", "11/10/2026"), null);

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain("Adjunte la carta de la decisión informal.");
        refused.Text.ShouldContain("Carta de la decisión informal");
        refused.Text.ShouldNotContain("Attach the informal decision letter.");
    }
}
