using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Aims.Identity.Contracts;
using Aims.IntegrationTests.Appeals;
using Aims.Testing;

namespace Aims.IntegrationTests.Documents;

/// <summary>
/// Appeals with documents: the real scanner, small limits so "too large" and "too many" are quick to send, and
/// multipart bodies written by hand so a test controls the order of the parts and can cut one off.
/// </summary>
public abstract class DocumentsTest(string database) : AppealsTest(database)
{
    protected const int MaxFileBytes = 256 * 1024;

    protected static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    protected static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Aims:Documents:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Aims:Documents:MaxFilesPerUpload"] = "3",
        ["Aims:Documents:Clamd"] = VirusScanner.Clamd.Address,
    };

    protected sealed record Part(string Name, string Value, byte[]? Content = null)
    {
        public static Part Field(string name, string value) => new(name, value);

        public static Part File(string fileName, byte[] content) => new("files", fileName, content);
    }

    /// <summary>A provider's appeal and the provider's signed-in user.</summary>
    protected async Task<(FormClient Owner, Guid AppealId)> AppealAsync(string email, Role role = Role.ProviderUser)
    {
        var (owner, provider) = await ProviderAsync(email, role: role);
        return (owner, await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026")));
    }

    /// <summary>The portal's form as a browser sends it: the antiforgery token from the appeal's page first.</summary>
    protected static async Task<HttpResponseMessage> UploadThroughPageAsync(FormClient browser, Guid appealId, params Part[] parts)
    {
        var page = await browser.GetAsync($"/appeals/{appealId}");
        return await browser.Http.PostAsync($"/appeals/{appealId}/documents", Multipart([Part.Field("__RequestVerificationToken", page.AntiforgeryToken!), .. parts]));
    }

    /// <summary>A multipart/form-data body in exactly this order; <paramref name="cutAfter"/> bytes ends it early.</summary>
    protected static HttpContent Multipart(IReadOnlyList<Part> parts, int? cutAfter = null)
    {
        const string boundary = "aims-test-boundary-7c1f";
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var part in parts)
        {
            Write($"--{boundary}\r\n");
            if (part.Content is null)
            {
                Write($"Content-Disposition: form-data; name=\"{part.Name}\"\r\n\r\n{part.Value}\r\n");
            }
            else
            {
                Write($"Content-Disposition: form-data; name=\"{part.Name}\"; filename=\"{part.Value}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
                body.Write(part.Content);
                Write("\r\n");
            }
        }

        Write($"--{boundary}--\r\n");
        var bytes = body.ToArray();
        var content = new ByteArrayContent(cutAfter is { } cut ? bytes[..cut] : bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    protected Task<long> DocumentCountAsync(Guid appealId) => CountAsync("SELECT count(*) FROM documents.documents WHERE appeal_id = @p", appealId);

    /// <summary>Chunks without a document: what a half-kept upload would leave.</summary>
    protected Task<long> OrphanChunksAsync() => CountAsync(
        "SELECT count(*) FROM documents.chunks c WHERE NOT EXISTS (SELECT 1 FROM documents.documents d WHERE d.id = c.document_id)");

    protected static async Task<string> ProblemDetailAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        using var json = System.Text.Json.JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString()! : text;
    }

    protected static void ShouldRedirectToAppeal(HttpResponseMessage response, Guid appealId)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/appeals/{appealId}#documents");
    }
}
