using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Documents;

public sealed class UploadTests() : DocumentsTest("aims_test_documents")
{
    [Test]
    public async Task Two_files_uploaded_through_the_page_are_listed_scanned_and_downloaded_with_ranges_and_an_audit()
    {
        var (owner, id) = await AppealAsync("owner.docs@clinic.example");

        var uploaded = await UploadThroughPageAsync(owner, id,
            Part.Field("category", "Evidence"), Part.Field("description", "Audit sample and remittance"),
            Part.File("audit sample.pdf", Pdf), Part.File("remittance.png", Png));

        ShouldRedirectToAppeal(uploaded, id);
        var page = await owner.GetAsync($"/appeals/{id}");
        
        page.Text.ShouldContain("2 documents were added to the appeal.");
        page.Text.ShouldContain("audit sample.pdf Audit sample and remittance");
        page.Text.ShouldContain("Checked, no virus found");
        page.Text.ShouldContain("11/23/2026 9:00 AM by Test ProviderUser");
        var documentId = Guid.Parse(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p AND safe_name = 'audit sample.pdf'", id) as Guid? is { } g ? g.ToString() : "");
        page.Html.ShouldContain($"href=\"/appeals/{id}/documents/{documentId}\"");

        var download = await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("audit sample.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/appeals/{id}/documents/{documentId}");
        range.Headers.Range = new RangeHeaderValue(5, 9);
        var partial = await owner.Http.SendAsync(range);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentRange!.ToString().ShouldBe($"bytes 5-9/{Pdf.Length}");
        (await partial.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf[5..10]);

        (await CountAsync("SELECT count(*) FROM documents.downloads WHERE document_id = @p AND NOT as_zip", documentId)).ShouldBe(2L);
    }

    [Test]
    public async Task The_eicar_test_file_is_quarantined_and_never_served_while_a_clean_file_is()
    {
        var (owner, id) = await AppealAsync("owner.virus@clinic.example");

        var uploaded = await UploadThroughPageAsync(owner, id,
            Part.Field("category", "Correspondence"), Part.File("letter.txt", Encoding.ASCII.GetBytes(ClamdTestServer.Eicar)), Part.File("clean.txt", "Dear reviewer,\nPlease see the attached.\n"u8.ToArray()));

        ShouldRedirectToAppeal(uploaded, id);
        var infected = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p AND scan_status = 'Infected'", id))!;
        var clean = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p AND scan_status = 'Clean'", id))!;
        (await ScalarAsync("SELECT scan_detail FROM documents.documents WHERE id = @p", infected)).ShouldBe("Aims.Test.EICAR.UNOFFICIAL");
        var page = await owner.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain("Quarantined: a virus was found; it cannot be opened");
        page.Html.ShouldNotContain($"/documents/{infected}");
        (await owner.Http.GetAsync($"/appeals/{id}/documents/{infected}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.Http.GetAsync($"/appeals/{id}/documents/{clean}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var zip = new ZipArchive(await (await owner.Http.GetAsync($"/appeals/{id}/documents/zip")).Content.ReadAsStreamAsync());
        zip.Entries.Select(e => e.FullName).ShouldBe(["clean.txt"]);
    }

    [Test]
    public async Task The_same_file_twice_is_noticed_and_stored_once_and_a_zip_names_every_document_apart()
    {
        var (owner, id) = await AppealAsync("owner.twice@clinic.example");
        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "NoticeOfAction"), Part.File("notice.pdf", Pdf)), id);

        var again = await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("notice copy.pdf", Pdf));

        ShouldRedirectToAppeal(again, id);
        (await owner.GetAsync($"/appeals/{id}")).Text.ShouldContain("These files are already on the appeal; nothing new was added.");
        (await DocumentCountAsync(id)).ShouldBe(1L);
        (await OrphanChunksAsync()).ShouldBe(0L);

        var other = Encoding.ASCII.GetBytes("%PDF-1.7\n% a different letter\n%%EOF\n");
        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("notice.pdf", other)), id);
        var download = await owner.Http.GetAsync($"/appeals/{id}/documents/zip");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        zip.Entries.Select(e => e.FullName).Order().ShouldBe(["notice (2).pdf", "notice.pdf"]);
        await using var first = await zip.GetEntry("notice.pdf")!.OpenAsync();
        using var bytes = new MemoryStream();
        await first.CopyToAsync(bytes);
        bytes.ToArray().ShouldBe(Pdf);
        (await CountAsync("SELECT count(*) FROM documents.downloads d JOIN documents.documents x ON x.id = d.document_id WHERE x.appeal_id = @p AND d.as_zip", id)).ShouldBe(2L);
    }

    [Test]
    public async Task Names_are_listed_as_uploaded_and_served_under_a_safe_name()
    {
        var (owner, id) = await AppealAsync("owner.names@clinic.example");

        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"),
            Part.File("aux.txt", "device name"u8.ToArray()), Part.File("report: final?.PDF", Pdf), Part.File(" .hidden.txt", "dots"u8.ToArray())), id);

        var page = await owner.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain("report: final?.PDF");
        var served = new List<string>();
        foreach (var documentId in (await DocumentIdsAsync(id)))
        {
            served.Add((await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).Content.Headers.ContentDisposition!.FileNameStar!);
        }

        served.Order().ShouldBe(["_aux.txt", "hidden.txt", "report_ final_.pdf"]);
    }

    [Test]
    public async Task On_a_Spanish_page_the_upload_notice_and_a_refusal_are_in_Spanish()
    {
        var (owner, id) = await AppealAsync("owner.espanol@clinic.example");
        await owner.ChooseLanguageAsync("es");

        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("carta.pdf", Pdf)), id);
        (await owner.GetAsync($"/appeals/{id}")).Text.ShouldContain("Se agregó carta.pdf a la apelación.");

        ShouldRedirectToAppeal(await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("vacío.pdf", [])), id);
        var refused = (await owner.GetAsync($"/appeals/{id}")).Text;
        refused.ShouldContain("“vacío.pdf” está vacío.");
        refused.ShouldNotContain("is empty");
    }

    [TestCase("report.exe", "MZ\u0090\u0000 executable", 415, "is not a type the Appeals Division accepts. Send PDF, JPEG, PNG, TIFF, DOCX, XLSX, plain text.")]
    [TestCase("statement.pdf", "MZ\u0090\u0000 this is an executable renamed", 415, "“statement.pdf” is not really a PDF file: its content does not match its name.")]
    [TestCase("scan.png", "%PDF-1.4 a pdf named as a picture", 415, "“scan.png” is not really a PNG file")]
    [TestCase("empty.pdf", "", 400, "“empty.pdf” is empty.")]
    [TestCase("../../etc/passwd.txt", "root:x:0:0", 400, "contains a folder path. Send the file by its name alone.")]
    [TestCase("..\\windows\\win.ini.txt", "[fonts]", 400, "contains a folder path.")]
    public async Task A_bad_file_is_refused_naming_the_problem_and_nothing_of_the_upload_is_kept(string name, string content, int status, string message)
    {
        var (owner, id) = await AppealAsync($"owner.bad{Math.Abs(name.GetHashCode(StringComparison.Ordinal))}@clinic.example");
        var page = await owner.GetAsync($"/appeals/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/appeals/{id}/documents")
        {
            // A good file first: the refusal of the second must take the first with it.
            Content = Multipart([Part.Field("__RequestVerificationToken", page.AntiforgeryToken!), Part.Field("category", "Evidence"),
                Part.File("good.pdf", Pdf), Part.File(name, Encoding.Latin1.GetBytes(content))]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var refused = await owner.Http.SendAsync(request);

        ((int)refused.StatusCode).ShouldBe(status);
        (await ProblemDetailAsync(refused)).ShouldContain(message);
        (await DocumentCountAsync(id)).ShouldBe(0L);
        (await OrphanChunksAsync()).ShouldBe(0L);
    }

    [Test]
    public async Task Too_large_too_many_no_file_no_category_and_a_cut_off_body_are_each_refused_without_a_trace()
    {
        var (owner, id) = await AppealAsync("owner.limits@clinic.example", Role.ProviderRepresentative);
        var big = new byte[MaxFileBytes + 1];
        Pdf.CopyTo(big, 0);

        var tooLarge = await UploadThroughPageAsync(owner, id, Part.Field("category", "Evidence"), Part.File("big.pdf", big));
        ShouldRedirectToAppeal(tooLarge, id);
        (await owner.GetAsync($"/appeals/{id}")).Text.ShouldContain("“big.pdf” is larger than the limit of 256 KB per file.");

        var api = await ApiAsync(owner, "Documents", "DocumentsWrite");
        var status = new Dictionary<string, (HttpStatusCode Status, string Detail)>();
        foreach (var (what, body) in new (string, HttpContent)[]
        {
            ("not multipart", new StringContent("{\"category\":\"Evidence\"}", Encoding.UTF8, "application/json")),
            ("too large", Multipart([Part.Field("category", "Evidence"), Part.File("big.pdf", big)])),
            ("too many", Multipart([Part.Field("category", "Evidence"), Part.File("a.txt", "a"u8.ToArray()), Part.File("b.txt", "b"u8.ToArray()), Part.File("c.txt", "c"u8.ToArray()), Part.File("d.txt", "d"u8.ToArray())])),
            ("no file", Multipart([Part.Field("category", "Evidence")])),
            ("no category", Multipart([Part.File("a.pdf", Pdf)])),
            ("unknown category", Multipart([Part.Field("category", "Pictures"), Part.File("a.pdf", Pdf)])),
            ("cut off in headers", Multipart([Part.Field("category", "Evidence"), Part.File("a.pdf", Pdf), Part.File("b.png", Png)], cutAfter: 400)),
            ("cut off in a file", Multipart([Part.Field("category", "Evidence"), Part.File("a.pdf", Pdf), Part.File("b.png", Png)], cutAfter: 450)),
        })
        {
            var answer = await api.PostAsync($"/api/v1/appeals/{id}/documents", body);
            answer.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{what}: {answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            status[what] = (answer.StatusCode, await ProblemDetailAsync(answer));
        }

        status["too large"].ShouldBe((HttpStatusCode.RequestEntityTooLarge, "“big.pdf” is larger than the limit of 256 KB per file."));
        status["too many"].ShouldBe((HttpStatusCode.BadRequest, "Send at most 3 files at a time."));
        status["no file"].ShouldBe((HttpStatusCode.BadRequest, "Choose at least one file to upload."));
        status["no category"].ShouldBe((HttpStatusCode.BadRequest, "Choose what the documents are before the files (the category field comes first)."));
        status["unknown category"].Status.ShouldBe(HttpStatusCode.BadRequest);
        status["unknown category"].Detail.ShouldStartWith("Choose what the documents are (NoticeOfAction, McoFinalLetter, ProofOfAuthority,");
        status["cut off in headers"].ShouldBe((HttpStatusCode.BadRequest, "The upload was cut off or garbled before it ended. Nothing was kept; send it again."));
        status["cut off in a file"].ShouldBe((HttpStatusCode.BadRequest, "The upload was cut off or garbled before it ended. Nothing was kept; send it again."));
        status["not multipart"].ShouldBe((HttpStatusCode.UnsupportedMediaType, "Send the files as multipart/form-data."));
        (await DocumentCountAsync(id)).ShouldBe(0L);
        (await OrphanChunksAsync()).ShouldBe(0L);
    }

    [Test]
    public async Task The_page_form_without_its_token_first_is_refused_before_any_file_is_read()
    {
        var (owner, id) = await AppealAsync("owner.token@clinic.example");
        var page = await owner.GetAsync($"/appeals/{id}");

        var noToken = await owner.Http.PostAsync($"/appeals/{id}/documents", Multipart([Part.Field("category", "Evidence"), Part.File("a.pdf", Pdf)]));
        var wrongToken = await owner.Http.PostAsync($"/appeals/{id}/documents", Multipart([Part.Field("__RequestVerificationToken", "forged"), Part.Field("category", "Evidence"), Part.File("a.pdf", Pdf)]));
        var tokenLast = await owner.Http.PostAsync($"/appeals/{id}/documents", Multipart([Part.Field("category", "Evidence"), Part.File("a.pdf", Pdf), Part.Field("__RequestVerificationToken", page.AntiforgeryToken!)]));

        ShouldRedirectToAppeal(noToken, id);
        ShouldRedirectToAppeal(wrongToken, id);
        ShouldRedirectToAppeal(tokenLast, id);
        (await owner.GetAsync($"/appeals/{id}")).Text.ShouldContain("The form's security token must come before the files.");
        (await DocumentCountAsync(id)).ShouldBe(0L);
    }

    [Test]
    public async Task Parties_add_and_read_documents_and_everyone_else_gets_404()
    {
        var agency = await AgencyAsync(Aims.Registration.Contracts.AgencyType.ProviderAgency, "Docs Audit Contractor", "coord.docs@audit.example");
        var (owner, provider) = await ProviderAsync("owner.party@clinic.example");
        using var colleague = await MemberAsync(provider, "colleague.party@clinic.example");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026", agencyId: agency));
        using var coordinator = NewBrowser();
        await coordinator.SignInAsync(ConnectionString, "coord.docs@audit.example", Password);
        var (stranger, _) = await ProviderAsync("stranger.party@clinic.example", "Other Clinic");

        ShouldRedirectToAppeal(await UploadThroughPageAsync(colleague, id, Part.Field("category", "Evidence"), Part.File("from colleague.pdf", Pdf)), id);
        ShouldRedirectToAppeal(await UploadThroughPageAsync(coordinator, id, Part.Field("category", "CaseSummary"), Part.File("case summary.txt", "Summary of the audit."u8.ToArray())), id);
        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p AND category = 'CaseSummary'", id))!;

        (await owner.GetAsync($"/appeals/{id}")).Text.ShouldContain("case summary.txt");
        (await owner.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await coordinator.Http.GetAsync($"/appeals/{id}/documents/zip")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var strangerPage = await stranger.GetAsync("/appeals");
        var strangerUpload = await stranger.Http.PostAsync($"/appeals/{id}/documents", Multipart([Part.Field("__RequestVerificationToken", strangerPage.AntiforgeryToken ?? "x"), Part.Field("category", "Evidence"), Part.File("x.pdf", Pdf)]));
        strangerUpload.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Http.GetAsync($"/appeals/{id}/documents/zip")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Http.GetAsync($"/appeals/{Guid.NewGuid()}/documents/{documentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await NewBrowser().Http.GetAsync($"/appeals/{id}/documents/{documentId}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await DocumentCountAsync(id)).ShouldBe(2L);
    }

    [Test]
    public async Task The_api_lists_uploads_and_downloads_and_is_in_the_openapi_document()
    {
        var (owner, id) = await AppealAsync("owner.api@clinic.example", Role.ProviderRepresentative);
        var writer = await ApiAsync(owner, "Documents", "DocumentsWrite", "AppealsRead");

        var created = await writer.PostAsync($"/api/v1/appeals/{id}/documents", Multipart([Part.Field("category", "McoFinalLetter"), Part.File("mco letter.pdf", Pdf)]));

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var stored = await created.Content.ReadAsStringAsync();
        stored.ShouldContain("\"name\":\"mco letter.pdf\"");
        stored.ShouldContain("\"category\":\"McoFinalLetter\"");
        stored.ShouldContain("\"scan\":\"Clean\"");
        var list = await writer.GetStringAsync($"/api/v1/appeals/{id}/documents");
        list.ShouldContain("\"uploadedBy\":\"Test ProviderRepresentative\"");
        list.ShouldContain($"\"sizeBytes\":{Pdf.Length}");
        var documentId = (Guid)(await ScalarAsync("SELECT id FROM documents.documents WHERE appeal_id = @p", id))!;
        (await writer.GetByteArrayAsync($"/api/v1/appeals/{id}/documents/{documentId}")).ShouldBe(Pdf);

        var readOnly = await ApiAsync(owner, "Read only", "AppealsRead");
        (await readOnly.PostAsync($"/api/v1/appeals/{id}/documents", Multipart([Part.Field("category", "Evidence"), Part.File("x.pdf", Pdf)]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var openApi = await NewBrowser().Http.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("/api/v1/appeals/{id}/documents");
        openApi.ShouldContain("multipart/form-data");
    }

    private async Task<IReadOnlyList<Guid>> DocumentIdsAsync(Guid appealId)
    {
        var ids = new List<Guid>();
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM documents.documents WHERE appeal_id = @p", connection);
        command.Parameters.AddWithValue("p", appealId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
