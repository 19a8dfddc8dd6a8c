using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Documents;

/// <summary>
/// The real clamd behind a connection the test can cut: a document sent while clamd is down is accepted, waits in
/// quarantine (listed, never served) and is scanned, then released or kept quarantined, once clamd answers again.
/// </summary>
public sealed class QuarantineTests() : DocumentsTest("aims_test_documents_quarantine")
{
    private TcpProxy? scanner;

    // Made on first use: the clamd it forwards to is started by the namespace's set-up fixture, before this fixture's.
    private TcpProxy Scanner => scanner ??= new TcpProxy("127.0.0.1", VirusScanner.Clamd.Port);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Aims:Documents:Clamd"] = $"127.0.0.1:{Scanner.Port}",
        ["Aims:Documents:RescanInterval"] = "00:00:01",
    };

    [TearDown]
    public void ScannerBack() => Scanner.Restore();

    [OneTimeTearDown]
    public async Task StopProxyAsync()
    {
        if (scanner is not null)
        {
            await scanner.DisposeAsync();
        }
    }

    [Test]
    public async Task A_document_sent_while_clamd_is_down_waits_in_quarantine_and_is_released_when_clamd_returns()
    {
        var (owner, id) = await AppealAsync("owner.quarantine@clinic.example");
        Scanner.Cut();

        var uploaded = await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("evidence.pdf", Pdf));

        ShouldRedirectToAppeal(uploaded, id);
        var page = await owner.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain(
            "evidence.pdf was added to the appeal. The virus check could not be done just now: the file is kept and can be opened once it has been checked for viruses.");
        page.Text.ShouldContain("Waiting for the virus check; it can be opened once checked");
        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p", id))!;
        (await ScalarAsync("SELECT scan_status FROM documents.documents WHERE id = @p", documentId)).ShouldBe("Pending");
        page.Html.ShouldNotContain($"/documents/{documentId}\"");
        (await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ZipEntriesAsync(owner, id)).ShouldBeEmpty();
        (await ScannerHealthAsync()).ShouldBe("Degraded");

        // Rescans every second meet the same dead scanner: still quarantined.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        (await ScalarAsync("SELECT scan_status FROM documents.documents WHERE id = @p", documentId)).ShouldBe("Pending");

        Scanner.Restore();
        (await VerdictAsync(documentId)).ShouldBe("Clean");

        (await ScalarAsync("SELECT scanned_at FROM documents.documents WHERE id = @p", documentId)).ShouldBeOfType<DateTime>();
        var released = await owner.GetAsync($"/appeals/{id}");
        released.Text.ShouldContain("Checked, no virus found");
        released.Html.ShouldContain($"href=\"/appeals/{id}/documents/{documentId}\"");
        var download = await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        (await ScannerHealthAsync()).ShouldBe("Healthy");
    }

    [Test]
    public async Task The_eicar_test_file_sent_while_clamd_is_down_is_found_when_it_returns_and_never_served()
    {
        var (owner, id) = await AppealAsync("owner.quarantine.virus@clinic.example");
        Scanner.Cut();

        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "Correspondence"), Part.File("letter.txt", Encoding.ASCII.GetBytes(ClamdTestServer.Eicar))), id);
        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p", id))!;
        (await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        Scanner.Restore();

        (await VerdictAsync(documentId)).ShouldBe("Infected");
        (await ScalarAsync("SELECT scan_detail FROM documents.documents WHERE id = @p", documentId)).ShouldBe("Aims.Test.EICAR.UNOFFICIAL");
        (await owner.GetAsync($"/appeals/{id}")).Text.ShouldContain("Quarantined: a virus was found; it cannot be opened");
        (await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Through_the_api_a_document_sent_while_clamd_is_down_is_answered_as_pending()
    {
        var (owner, id) = await AppealAsync("owner.quarantine.api@clinic.example", Role.ProviderRepresentative);
        var api = await ApiAsync(owner, "Quarantine", "DocumentsWrite", "AppealsRead");
        Scanner.Cut();

        var created = await api.PostAsync($"/api/v1/appeals/{id}/documents", Multipart([Part.Field("category", "Evidence"), Part.File("scan.png", Png)]));

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await created.Content.ReadAsStringAsync()).ShouldContain("\"scan\":\"Pending\"");
        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p", id))!;
        (await api.GetAsync($"/api/v1/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>The verdict once the rescan (every second here) has given one; "Pending" if none came in 30 seconds.</summary>
    private async Task<string> VerdictAsync(Guid documentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = (string)(await ScalarAsync("SELECT scan_status FROM documents.documents WHERE id = @p", documentId))!;
            if (status != "Pending" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(200);
        }
    }

    private async Task<string> ScannerHealthAsync()
    {
        using var client = Portal.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK, "a scanner that is down degrades the portal; it does not take it out of service");
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        return report.RootElement.GetProperty("checks").GetProperty("virus-scanner").GetProperty("status").GetString()!;
    }

    private static async Task<IReadOnlyList<string>> ZipEntriesAsync(FormClient owner, Guid id)
    {
        using var zip = new ZipArchive(await (await owner.Http.GetAsync($"/appeals/{id}/documents/zip")).Content.ReadAsStreamAsync());
        return zip.Entries.Select(e => e.FullName).ToList();
    }
}
