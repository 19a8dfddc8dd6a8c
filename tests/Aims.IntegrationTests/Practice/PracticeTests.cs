using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.IntegrationTests.Appeals;
using Aims.Registration.Contracts;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Practice;

/// <summary>
/// "You Try" (ADR 0024): each scenario completes with feedback; nothing done in practice reaches streams, lists,
/// documents, messages, queues, agencies or email; each person sees their own; the nightly purge empties it.
/// </summary>
public sealed partial class PracticeTests() : AppealsTest("aims_test_practice")
{
    /// <summary>A 1 MB upload limit instead of the default 50 MB: practice states and applies the real setting.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Aims:Documents:MaxFileBytes"] = "1048576" };

    /// <summary>Every table a real filing, upload, withdrawal or notice writes to.</summary>
    private static readonly string[] RealTables =
    [
        "appeals.mt_streams", "appeals.mt_events", "appeals.appeal_summaries", "appeals.staff_load", "appeals.filing_keys", "appeals.appeal_access", "appeals.mt_doc_appeal_draft",
        "documents.documents", "documents.chunks", "notifications.outgoing", "notifications.notices",
    ];

    [Test]
    public async Task Every_scenario_completes_with_feedback_and_nothing_reaches_real_appeals_staff_agencies_or_email()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Practice Separation Contractor", "coord.separation@pic.example");
        var (provider, providerId) = await ProviderAsync("owner.separation@clinic.example");
        using var worker = await StaffAsync("worker.separation@dmas.virginia.gov", Role.CaseWorker);
        using var coordinator = await SignIn("coord.separation@pic.example");
        var before = await CountRealRowsAsync();

        // File: naming a real agency, so a leak would notify its coordinator.
        var id = await FilePracticeAsync(provider, PracticeFields(agency));
        var home = await provider.GetAsync($"/practice/{id}");
        home.Text.ShouldContain("Scenario complete: You filed PRACTICE-");
        home.Text.ShouldContain("the last day to file was 12/16/2026: you were on time");
        var caseNumber = PracticeNumber().Match(home.Text).Value;
        home.Text.ShouldContain("Next deadline 05/22/2027: Informal decision due");

        // Monitor, upload, withdraw.
        (await provider.PostAsync($"/practice/{id}", [new("NextDeadline", "05/22/2027")], $"/practice/{id}?handler=Answer")).Location.ShouldBe($"/practice/{id}");
        var uploaded = await UploadAsync(provider, id, "notice.pdf", "%PDF-1.7 practice"u8.ToArray());
        uploaded.Location.ShouldBe($"/practice/{id}");
        (await provider.GetAsync($"/practice/{id}")).Text.ShouldContain("notice.pdf Evidence");
        var withdrawn = await provider.PostAsync($"/practice/{id}/withdraw", [new("Reason", "Settled with the contractor.")]);
        withdrawn.Location.ShouldBe($"/practice/{id}");
        (await provider.GetAsync($"/practice/{id}")).Text.ShouldContain("Withdrawn on 11/23/2026");

        var practiceHome = await provider.GetAsync("/practice");
        practiceHome.Text.ShouldContain("Completed 4 of 4 scenarios.");
        practiceHome.Html.ShouldContain("data-feedback=\"MonitorAppeal\">Right: the next deadline on " + caseNumber);
        practiceHome.Html.ShouldContain("data-feedback=\"UploadDocument\">You added notice.pdf (17 bytes) to " + caseNumber);
        practiceHome.Html.ShouldContain("data-feedback=\"WithdrawAppeal\">You withdrew " + caseNumber + " on 11/23/2026");

        // Nothing real was written, delivered or shown.
        await DeliverAsync();
        (await CountRealRowsAsync()).ShouldBe(before);
        (await AppealEmailsToAsync("coord.separation@pic.example")).ShouldBeEmpty();
        (await AppealEmailsToAsync("owner.separation@clinic.example")).ShouldBeEmpty();
        (await worker.GetAsync("/staff/intake")).Text.ShouldNotContain(caseNumber);
        (await worker.GetAsync($"/staff/search?Search.Text={caseNumber}")).Text.ShouldContain("No appeals match.");
        (await worker.GetAsync("/staff/search?Search.Text=Blue%20Ridge%20Practice")).Text.ShouldContain("No appeals match.");
        (await coordinator.GetAsync("/agency/appeals")).Text.ShouldNotContain(caseNumber);
        (await coordinator.GetAsync("/notifications")).Text.ShouldContain("No notifications yet.");
        (await provider.GetAsync("/appeals")).Text.ShouldNotContain(caseNumber);
        (await provider.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);

        // The same counts do move for a real filing, so the check above could have failed.
        await FileAsync(provider, "/appeals/file/informal", InformalFields(providerId, "11/16/2026", agencyId: agency));
        await DeliverAsync();
        var after = await CountRealRowsAsync();
        after["appeals.mt_events"].ShouldBeGreaterThan(before["appeals.mt_events"]);
        after["notifications.outgoing"].ShouldBeGreaterThan(before["notifications.outgoing"]);
        after["notifications.notices"].ShouldBeGreaterThan(before["notifications.notices"]);
        (await AppealEmailsToAsync("coord.separation@pic.example")).ShouldNotBeEmpty();
    }

    [Test]
    public async Task Practice_reads_in_Spanish_for_someone_who_chose_it_scenarios_feedback_and_refusals_included()
    {
        var (provider, _) = await ProviderAsync("owner.spanish@clinic.example");
        await provider.ChooseLanguageAsync("es");

        var home = await provider.GetAsync("/practice");
        home.Html.ShouldContain("<html lang=\"es\"");
        home.Text.ShouldContain("Práctica: nada de lo que hay aquí es una apelación real");
        home.Text.ShouldContain("Pruebe usted: practique cómo presentar");
        home.Text.ShouldContain("Presentar una apelación informal de una reclamación negada");
        home.Text.ShouldContain("Completó 0 de 4 escenarios.");
        home.Text.ShouldNotContain("File an informal appeal for a denied claim");
        var file = await provider.GetAsync("/practice/file");
        file.Text.ShouldContain("recibió un aviso con fecha del lunes, 16 de noviembre de 2026 por correo electrónico");
        // The choice "Email", once shadowed by a lowercase "email" entry (resource names ignore case).
        file.Html.ShouldMatch("for=\"Form_ReceivedBy_Email\">Correo electr(ó|&#xF3;)nico");

        var id = await FilePracticeAsync(provider, PracticeFields());
        var detail = await provider.GetAsync($"/practice/{id}");
        detail.Text.ShouldContain("Escenario completado: Presentó PRACTICE-");
        detail.Text.ShouldContain("el último día para presentar era el 16 de diciembre de 2026: la presentó a tiempo");
        detail.Text.ShouldContain("Próximo plazo 22 de mayo de 2027: Fecha límite de la decisión informal");
        detail.Text.ShouldNotContain("Dates");

        (await provider.PostAsync($"/practice/{id}/withdraw", [])).Location.ShouldBe($"/practice/{id}");
        var again = await provider.PostAsync($"/practice/{id}/withdraw", []);
        again.Text.ShouldContain("ya se retiró el 23 de noviembre de 2026.");
        var practiceHome = await provider.GetAsync("/practice");
        practiceHome.Text.ShouldContain("Retiró PRACTICE-");
        practiceHome.Text.ShouldContain("Completó 2 de 4 escenarios.");
    }

    [Test]
    public async Task Every_practice_page_carries_the_banner()
    {
        using var client = await ClientAsync("client.banner@example.com", "700000000007");
        var id = await FilePracticeAsync(client, PracticeFields());

        foreach (var page in new[] { "/practice", "/practice/file", $"/practice/{id}", $"/practice/{id}/withdraw" })
        {
            var shown = await client.GetAsync(page);
            shown.Status.ShouldBe(HttpStatusCode.OK, page);
            shown.Text.ShouldContain("Practice — nothing here is a real appeal", customMessage: page);
        }

        (await client.GetAsync("/appeals")).Html.ShouldContain("href=\"/practice\"");
    }

    [Test]
    public async Task Each_person_sees_only_their_own_practice_staff_are_refused_and_strangers_are_sent_to_sign_in()
    {
        using var owner = await SignedInAsync("rep.own@billing.example", Role.ProviderRepresentative);
        using var other = await SignedInAsync("coord.own@agency.example", Role.AgencyCoordinator);
        using var worker = await StaffAsync("worker.own@dmas.virginia.gov", Role.AppealsAdministrator);
        var id = await FilePracticeAsync(owner, PracticeFields());
        var token = (await other.GetAsync("/practice")).AntiforgeryToken;

        (await other.GetAsync("/practice")).Status.ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync("/practice")).Html.ShouldNotContain(id.ToString());
        (await other.GetAsync($"/practice/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        // A coordinator withdraws no appeal, practice or real: refused before the appeal is even looked up.
        (await other.GetAsync($"/practice/{id}/withdraw")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await other.PostWithTokenAsync($"/practice/{id}/withdraw", [new("Reason", "not mine")], token)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await other.PostWithTokenAsync($"/practice/{id}?handler=Answer", [new("NextDeadline", "05/22/2027")], token)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(other, id, "x.pdf", [1, 2, 3], token)).Status.ShouldBe(HttpStatusCode.NotFound);

        foreach (var page in new[] { "/practice", "/practice/file", $"/practice/{id}" })
        {
            (await worker.GetAsync(page)).Status.ShouldBe(HttpStatusCode.Forbidden, page);
            (await NewBrowser().GetAsync(page)).Location!.ShouldContain("/account/sign-in", customMessage: page);
        }

        (await CountAsync("SELECT count(*) FROM practice.appeals WHERE id = @p AND withdrawn IS NULL", id)).ShouldBe(1L);
    }

    [Test]
    public async Task Bad_input_is_answered_beside_the_fields_with_the_real_forms_messages()
    {
        using var browser = await SignedInAsync("tp.bad@partner.example", Role.TradingPartner);

        var empty = await browser.PostAsync("/practice/file", [new("Form.Items[0].Reference", "")]);
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.Text.ShouldContain("Enter the date on the notice of adverse action.");
        empty.Text.ShouldContain("Choose how the notice reached you.");
        empty.Text.ShouldContain("Name at least one disputed adjustment or claim.");

        var fields = PracticeFields();
        fields["Form.ProviderId"] = Guid.NewGuid().ToString();
        fields["Form.NoticeDate"] = "02/30/2026";
        var wrong = await browser.PostAsync("/practice/file", fields);
        wrong.Status.ShouldBe(HttpStatusCode.OK);
        wrong.Html.ShouldContain("usa-error-message");

        fields = PracticeFields();
        fields["Form.ProviderId"] = Guid.NewGuid().ToString();
        (await browser.PostAsync("/practice/file", fields)).Text.ShouldContain("Choose Blue Ridge Practice Clinic");

        // Filed, but not what the scenario asks for: no completion, and the page says why.
        fields = PracticeFields();
        fields["Form.ActionType"] = "Overpayment";
        var id = await FilePracticeAsync(browser, fields);
        (await browser.GetAsync($"/practice/{id}")).Text.ShouldContain("the scenario asks you to appeal the denied claim");
        (await browser.GetAsync("/practice")).Text.ShouldContain("Completed 0 of 4 scenarios.");

        var answer = await browser.PostAsync($"/practice/{id}", [new("NextDeadline", "01/01/2027")], $"/practice/{id}?handler=Answer");
        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain("That is not this appeal's next deadline.");
        (await browser.PostAsync($"/practice/{id}", [new("NextDeadline", "soon")], $"/practice/{id}?handler=Answer")).Html.ShouldContain("usa-error-message");

        var token = (await browser.GetAsync($"/practice/{id}")).AntiforgeryToken;
        var noFile = await browser.PostWithTokenAsync($"/practice/{id}?handler=Upload", [new("Category", "Evidence")], token);
        noFile.Status.ShouldBe(HttpStatusCode.OK);
        noFile.Text.ShouldContain("Choose a file to upload.");
        var emptyFile = await UploadAsync(browser, id, "empty.pdf", []);
        emptyFile.Status.ShouldBe(HttpStatusCode.OK);
        emptyFile.Text.ShouldContain("The file is empty.");
        (await UploadAsync(browser, id, "x.pdf", [1], category: "Decision")).Text.ShouldContain("Choose what the document is.");
        // The real upload's rules, from the Documents settings (1 MB here) and its list of types.
        (await browser.GetAsync($"/practice/{id}")).Text.ShouldContain("The same files as a real appeal: .pdf, .jpg, .jpeg, .png, .tif, .tiff, .docx, .xlsx, .txt, up to 1 MB each.");
        (await UploadAsync(browser, id, "big.pdf", new byte[(1024 * 1024) + 1])).Text.ShouldContain("“big.pdf” is larger than the limit of 1 MB per file.");
        (await UploadAsync(browser, id, "exactly-1mb.pdf", new byte[1024 * 1024])).Location.ShouldBe($"/practice/{id}");
        var tool = await UploadAsync(browser, id, "tool.exe", [1, 2, 3]);
        tool.Status.ShouldBe(HttpStatusCode.OK);
        tool.Text.ShouldContain("“tool.exe” is not a type AIMS accepts. Choose a file ending in .pdf, .jpg,");

        var longReason = await browser.PostAsync($"/practice/{id}/withdraw", [new("Reason", new string('x', 2001))]);
        longReason.Status.ShouldBe(HttpStatusCode.OK);
        longReason.Text.ShouldContain("Enter at most 2,000 characters.");
        (await browser.PostAsync($"/practice/{id}/withdraw", [])).Location.ShouldBe($"/practice/{id}");
        var again = await browser.PostAsync($"/practice/{id}/withdraw", []);
        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Text.ShouldContain("was already withdrawn on 11/23/2026");
        (await CountAsync("SELECT count(*) FROM practice.documents WHERE appeal_id = @p", id)).ShouldBe(1L);
    }

    [Test]
    public async Task An_agency_coordinator_practises_only_following_and_adding_documents_on_an_appeal_assigned_to_the_agency()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Practice Coordinator Contractor", "coord.practice@pic.example");
        // The account names its agency, as an approved request's account does (its sign-in claim).
        await ExecuteAsync("UPDATE identity.asp_net_users SET agency_id = @agency WHERE normalized_email = 'COORD.PRACTICE@PIC.EXAMPLE'", new() { ["agency"] = agency });
        using var coordinator = await SignIn("coord.practice@pic.example");
        var before = await CountRealRowsAsync();

        var home = await coordinator.GetAsync("/practice");
        home.Text.ShouldContain("As an agency coordinator you follow the appeals assigned to your agency and add documents to them; you do not file or withdraw appeals.");
        home.Text.ShouldContain("Completed 0 of 2 scenarios.");
        home.Html.ShouldContain("id=\"scenario-MonitorAppeal\"");
        home.Html.ShouldContain("id=\"scenario-UploadDocument\"");
        home.Html.ShouldNotContain("id=\"scenario-FileInformalAppeal\"");
        home.Html.ShouldNotContain("id=\"scenario-WithdrawAppeal\"");
        home.Html.ShouldNotContain("href=\"/practice/file\"");
        (await coordinator.GetAsync("/practice/file")).Status.ShouldBe(HttpStatusCode.Forbidden);

        var opened = await coordinator.PostAsync("/practice", [], "/practice?handler=AgencyAppeal");
        opened.Status.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(opened.Location!["/practice/".Length..]);
        // A second click opens the same practice appeal.
        (await coordinator.PostAsync("/practice", [], "/practice?handler=AgencyAppeal")).Location.ShouldBe($"/practice/{id}");

        var detail = await coordinator.GetAsync($"/practice/{id}");
        detail.Text.ShouldContain("Agency or contractor Practice Coordinator Contractor");
        detail.Text.ShouldContain("Next deadline 05/22/2027: Informal decision due");
        detail.Html.ShouldNotContain($"/practice/{id}/withdraw");
        detail.Html.ShouldContain("<option value=\"CaseSummary\"");
        detail.Html.ShouldNotContain("<option value=\"NoticeOfAction\"");
        (await coordinator.GetAsync($"/practice/{id}/withdraw")).Status.ShouldBe(HttpStatusCode.Forbidden);

        (await UploadAsync(coordinator, id, "summary.pdf", "%PDF-1.7 summary"u8.ToArray(), category: "CaseSummary")).Location.ShouldBe($"/practice/{id}");
        (await UploadAsync(coordinator, id, "notice.pdf", [1], category: "NoticeOfAction")).Text.ShouldContain("Choose what the document is.");
        (await coordinator.PostAsync($"/practice/{id}", [new("NextDeadline", "05/22/2027")], $"/practice/{id}?handler=Answer")).Location.ShouldBe($"/practice/{id}");
        var done = await coordinator.GetAsync("/practice");
        done.Text.ShouldContain("Completed 2 of 2 scenarios.");
        done.Html.ShouldContain("data-feedback=\"UploadDocument\">You added summary.pdf (16 bytes) to PRACTICE-");

        await coordinator.ChooseLanguageAsync("es");
        var spanish = await coordinator.GetAsync("/practice");
        spanish.Text.ShouldContain("Como coordinador de una agencia, usted sigue las apelaciones asignadas a su agencia");
        spanish.Text.ShouldContain("Completó 2 de 2 escenarios.");
        (await coordinator.GetAsync($"/practice/{id}")).Text.ShouldContain("Los mismos archivos que en una apelación real: .pdf,");

        await DeliverAsync();
        (await CountRealRowsAsync()).ShouldBe(before);
    }

    [Test]
    public async Task A_double_submit_files_one_practice_appeal()
    {
        using var browser = await SignedInAsync("mco.double@mco.example", Role.McoUser);
        var shown = await browser.GetAsync("/practice/file");
        var fields = PracticeFields();
        fields["FilingKey"] = Regex.Match(shown.Html, "name=\"FilingKey\" value=\"([^\"]+)\"").Groups[1].Value;

        var submits = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => browser.PostWithTokenAsync("/practice/file", fields, shown.AntiforgeryToken)));

        submits.Select(s => s.Location).Distinct().Count().ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM practice.appeals WHERE user_id = @p", await UserIdAsync("mco.double@mco.example"))).ShouldBe(1L);
    }

    [Test]
    public async Task The_nightly_purge_empties_practice_once_and_schedules_the_next_night()
    {
        using var browser = await SignedInAsync("ar.purge@legalaid.example", Role.AuthorizedRepresentative);
        var userId = await UserIdAsync("ar.purge@legalaid.example");
        await FilePracticeAsync(browser, PracticeFields());
        await UploadAsync(browser, (await PracticeIdsAsync(userId))[0], "proof.png", [0x89, 0x50, 0x4E, 0x47]);
        (await CountAsync("SELECT count(*) FROM practice.completions WHERE user_id = @p", userId)).ShouldBe(2L);

        // A second host starting leaves one pending purge for the coming night (01:00 Tuesday in Richmond).
        await using (var second = new AimsAppFactory(ConnectionString, services => services.AddSingleton<TimeProvider>(Clock)))
        {
            _ = second.Services;
        }

        (await PendingPurgesAsync()).ShouldBe(["practice-purge:2026-11-24 2026-11-24T06:00:00Z"]);

        // Just after midnight someone practises again: that survives tonight's purge.
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 5, 30, 0, TimeSpan.Zero));
        await DeliverAsync();
        (await PracticeIdsAsync(userId)).Count.ShouldBe(1, "not due before 01:00");
        using var later = await SignIn("ar.purge@legalaid.example");
        var lateId = await FilePracticeAsync(later, PracticeFields());

        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
        await DeliverAsync();

        (await PracticeIdsAsync(userId)).ShouldBe([lateId]);
        (await CountAsync("SELECT count(*) FROM practice.documents")).ShouldBe(0L);
        (await CountAsync("SELECT count(*) FROM practice.completions WHERE user_id = @p", userId)).ShouldBe(0L, "yesterday's completions go too");
        (await PendingPurgesAsync()).ShouldBe(["practice-purge:2026-11-25 2026-11-25T06:00:00Z"]);
        (await HandledCountAsync("practice-purge:2026-11-24")).ShouldBe(1);
        (await later.GetAsync("/practice")).Text.ShouldContain("Completed 0 of 4 scenarios.");
    }

    private Dictionary<string, string?> PracticeFields(Guid? agencyId = null)
    {
        var fields = InformalFields(Guid.Parse("0193e3a0-7a11-7c00-8000-0000000000f1"), "11/16/2026", agencyId: agencyId);
        fields["Form.Items[0].Reference"] = "CLM-PRACTICE-1001";
        fields["Form.Items[0].Amount"] = "1250.00";
        return fields;
    }

    private static async Task<Guid> FilePracticeAsync(FormClient browser, IReadOnlyDictionary<string, string?> fields)
    {
        var filed = await browser.PostAsync("/practice/file", fields);
        filed.Status.ShouldBe(HttpStatusCode.Redirect, filed.Text);
        return Guid.Parse(filed.Location!["/practice/".Length..]);
    }

    private static async Task<FormClient.Page> UploadAsync(FormClient browser, Guid id, string name, byte[] content, string? token = null, string category = "Evidence")
    {
        token ??= (await browser.GetAsync($"/practice/{id}")).AntiforgeryToken;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), "__RequestVerificationToken" },
            { new StringContent(category), "Category" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/practice/{id}?handler=Upload") { Content = form };
        return await browser.SendAsync(request);
    }

    private async Task<Dictionary<string, long>> CountRealRowsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in RealTables)
        {
            counts[table] = await CountAsync($"SELECT count(*) FROM {table}");
        }

        return counts;
    }

    private async Task<List<Guid>> PracticeIdsAsync(Guid userId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM practice.appeals WHERE user_id = @p ORDER BY created_at", connection);
        command.Parameters.AddWithValue("p", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<List<string>> PendingPurgesAsync() =>
        (await WolverineInbox.ScheduledAsync(Portal.Services))
            .Where(s => s.Key?.StartsWith("practice-purge:", StringComparison.Ordinal) == true)
            .Select(s => $"{s.Key} {s.DueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();

    [GeneratedRegex(@"PRACTICE-[0-9A-F]{6}")]
    private static partial Regex PracticeNumber();
}
