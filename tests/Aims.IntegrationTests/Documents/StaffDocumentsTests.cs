using System.Net;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Documents;

/// <summary>
/// The division's staff on an appeal's documents: they read and add to every appeal, mark a document superseded with a
/// reason (never changing it), and an administrator removes content under the retention schedule, leaving the record.
/// </summary>
public sealed class StaffDocumentsTests() : DocumentsTest("aims_test_documents_staff")
{
    [Test]
    public async Task A_case_worker_reads_adds_and_marks_a_document_superseded_once_with_a_reason()
    {
        var (owner, id) = await AppealAsync("owner.staff@clinic.example");
        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "NoticeOfAction"), Part.File("notice.pdf", Pdf)), id);
        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p", id))!;
        using var worker = await StaffAsync("worker.docs@dmas.virginia.gov", Role.CaseWorker);

        (await worker.GetAsync($"/appeals/{id}")).Text.ShouldContain("notice.pdf");
        (await worker.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldRedirectToAppeal(await UploadThroughPageAsync(worker, id, Part.Field("category", "Correspondence"), Part.File("letter to provider.txt", "We received your appeal."u8.ToArray())), id);
        (await owner.GetAsync($"/appeals/{id}")).Text.ShouldContain("letter to provider.txt");
        (await owner.GetAsync($"/appeals/{id}")).Html.ShouldNotContain("/supersede");

        var noReason = await worker.PostAsync($"/appeals/{id}/documents/{documentId}/supersede", new Dictionary<string, string?> { ["Reason"] = " " });
        noReason.Status.ShouldBe(HttpStatusCode.OK);
        noReason.Text.ShouldContain("Say why the document is superseded.");
        var marked = await worker.PostAsync($"/appeals/{id}/documents/{documentId}/supersede", new Dictionary<string, string?> { ["Reason"] = "A corrected notice was filed." });
        marked.Location.ShouldBe($"/appeals/{id}#documents", marked.Text);

        var page = await owner.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain("Superseded on 11/23/2026 by Test CaseWorker: A corrected notice was filed.");
        (await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await worker.PostAsync($"/appeals/{id}/documents/{documentId}/supersede", new Dictionary<string, string?> { ["Reason"] = "Twice." });
        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Text.ShouldContain("notice.pdf is already marked: Superseded on 11/23/2026 by Test CaseWorker");
    }

    [Test]
    public async Task Only_an_administrator_removes_content_and_the_record_of_the_document_stays()
    {
        var (owner, id) = await AppealAsync("owner.retention@clinic.example");
        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("old evidence.pdf", Pdf)), id);
        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p", id))!;
        using var worker = await StaffAsync("worker.retention@dmas.virginia.gov", Role.CaseWorker);
        using var admin = await AdministratorAsync();

        (await worker.GetAsync($"/appeals/{id}/documents/{documentId}/remove")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.GetAsync($"/appeals/{id}/documents/{documentId}/supersede")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"/appeals/{id}")).Html.ShouldContain($"/appeals/{id}/documents/{documentId}/remove");
        var removed = await admin.PostAsync($"/appeals/{id}/documents/{documentId}/remove", new Dictionary<string, string?> { ["Reason"] = "GS-101 retention period ended." });

        removed.Location.ShouldBe($"/appeals/{id}#documents", removed.Text);
        (await CountAsync("SELECT count(*) FROM documents.chunks WHERE document_id = @p", documentId)).ShouldBe(0L);
        (await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await owner.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain("old evidence.pdf");
        page.Text.ShouldContain("Removed under the retention schedule on 11/23/2026 by Test AppealsAdministrator: GS-101 retention period ended.");
        page.Html.ShouldNotContain($"href=\"/appeals/{id}/documents/{documentId}\"");
    }

    [Test]
    public async Task Someone_who_is_not_staff_cannot_reach_another_appeal_through_the_staff_pages()
    {
        var (_, id) = await AppealAsync("owner.private@clinic.example");
        var (stranger, _) = await ProviderAsync("stranger.private@clinic.example", "Other Clinic");
        var documentId = Guid.NewGuid();

        (await stranger.GetAsync($"/appeals/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/appeals/{id}/documents/{documentId}/supersede")).Status.ShouldBe(HttpStatusCode.Forbidden);
        using var worker = await StaffAsync("worker.private@dmas.virginia.gov", Role.CaseWorker);
        (await worker.GetAsync($"/appeals/{id}/documents/{documentId}/supersede")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await worker.GetAsync($"/appeals/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
