using System.Net;
using System.Text;
using System.Text.Json;
using Aims.Testing;

namespace Aims.IntegrationTests.Documents;

/// <summary>
/// No scanner configured (development, or production's logged opt-out): documents are stored "not scanned" and served,
/// even the EICAR test file, which nothing checked.
/// </summary>
public sealed class UnscannedTests() : DocumentsTest("aims_test_documents_unscanned")
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Aims:Documents:Clamd"] = "",
    };

    [Test]
    public async Task Without_a_scanner_the_eicar_file_is_stored_not_scanned_listed_so_and_downloaded()
    {
        var (owner, id) = await AppealAsync("owner.unscanned@clinic.example");
        var eicar = Encoding.ASCII.GetBytes(ClamdTestServer.Eicar);

        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "Correspondence"), Part.File("letter.txt", eicar)), id);

        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p", id))!;
        (await ScalarAsync("SELECT scan_status FROM documents.documents WHERE id = @p", documentId)).ShouldBe("NotScanned");
        var page = await owner.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain("letter.txt was added to the appeal.");
        page.Text.ShouldNotContain("The virus check could not be done just now");
        page.Text.ShouldContain("Not checked for viruses");
        (await (await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).Content.ReadAsByteArrayAsync()).ShouldBe(eicar);

        using var client = Portal.CreateClient();
        using var report = JsonDocument.Parse(await client.GetStringAsync("/health/ready"));
        var check = report.RootElement.GetProperty("checks").GetProperty("virus-scanner");
        check.GetProperty("status").GetString().ShouldBe("Healthy");
        check.GetProperty("description").GetString().ShouldBe("No virus scanner is configured: documents are stored and served unscanned.");
    }
}
