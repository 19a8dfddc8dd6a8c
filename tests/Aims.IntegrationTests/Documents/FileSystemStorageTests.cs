using System.Net;
using System.Net.Http.Headers;

namespace Aims.IntegrationTests.Documents;

/// <summary>The same uploads with the file-system backend: bytes under the configured folder, and none left behind.</summary>
public sealed class FileSystemStorageTests() : DocumentsTest("aims_test_documents_files")
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "aims-documents-" + Guid.NewGuid().ToString("N"));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Aims:Documents:Storage"] = "FileSystem",
        ["Aims:Documents:FileSystemRoot"] = root,
    };

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task A_file_is_written_under_its_id_served_with_ranges_and_nothing_else_stays_in_the_database()
    {
        var (owner, id) = await AppealAsync("owner.files@clinic.example");

        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("evidence.pdf", Pdf)), id);

        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p", id))!;
        (await ScalarAsync("SELECT storage FROM documents.documents WHERE id = @p", documentId)).ShouldBe("FileSystem");
        (await CountAsync("SELECT count(*) FROM documents.chunks WHERE document_id = @p", documentId)).ShouldBe(0L);
        var name = documentId.ToString("N");
        (await File.ReadAllBytesAsync(Path.Combine(root, name[..2], name))).ShouldBe(Pdf);

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/appeals/{id}/documents/{documentId}");
        range.Headers.Range = new RangeHeaderValue(Pdf.Length - 6, null);
        var tail = await owner.Http.SendAsync(range);
        tail.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await tail.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf[^6..]);
    }

    [Test]
    public async Task A_refused_or_cut_off_upload_leaves_no_file_even_for_the_good_files_before_it()
    {
        var (owner, id) = await AppealAsync("owner.files.bad@clinic.example");
        var before = Files();

        var refused = await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("good.pdf", Pdf), Part.File("bad.pdf", "MZ not a pdf"u8.ToArray()));
        var page = await owner.GetAsync($"/appeals/{id}");
        var cut = await owner.Http.PostAsync($"/appeals/{id}/documents", Multipart(
            [Part.Field("__RequestVerificationToken", page.AntiforgeryToken!), Part.Field("category", "Evidence"), Part.File("good.pdf", Pdf), Part.File("other.png", Png)], cutAfter: 700));

        ShouldRedirectToAppeal(refused, id);
        ShouldRedirectToAppeal(cut, id);
        page.Text.ShouldContain("“bad.pdf” is not really a PDF file");
        (await owner.GetAsync($"/appeals/{id}")).Text.ShouldContain("The upload was cut off or garbled before it ended.");
        (await DocumentCountAsync(id)).ShouldBe(0L);
        Files().ShouldBe(before);
    }

    private string[] Files() => Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order().ToArray() : [];
}
