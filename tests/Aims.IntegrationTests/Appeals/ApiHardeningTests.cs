using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
using Aims.Identity.Passwords;
using Aims.Testing;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// Issue 21 on /api through real HTTP: a temporary password blocks it, one credential per request, cookie changes need
/// antiforgery, bad input is a 400 or 404 naming the field, and any 500 is problem details.
/// </summary>
public sealed class ApiHardeningTests() : AppealsTest("aims_test_api_hardening")
{
    private const string FailHeader = "X-Test-Fail";

    protected override void ConfigureServices(IServiceCollection services) => services.AddScoped(typeof(IPipelineBehavior<,>), typeof(FailingOnRequest<,>));

    [Test]
    public async Task A_session_signed_in_with_a_temporary_password_gets_403_from_every_api_endpoint_until_it_changes_it()
    {
        const string email = "temporary.api@clinic.example";
        await ProviderAsync(email);
        var temporary = await IssueTemporaryPasswordAsync(email);
        using var browser = NewBrowser();
        (await browser.SignInAsync(ConnectionString, email, temporary)).Location.ShouldBe("/account/change-password");

        foreach (var path in new[] { "/api/v1/appeals", "/api/me" })
        {
            using var blocked = await browser.Http.GetAsync(path);
            blocked.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            blocked.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = await blocked.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("title").GetString().ShouldBe("Change your temporary password first.");
            problem.GetProperty("detail").GetString()!.ShouldContain("/account/change-password");
        }

        (await browser.GetAsync("/appeals")).Location.ShouldBe("/account/change-password");

        var changed = await browser.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = temporary, ["Form.NewPassword"] = "Quarry-Meadow-Lamp-95!", ["Form.ConfirmPassword"] = "Quarry-Meadow-Lamp-95!",
        });
        changed.Status.ShouldBe(HttpStatusCode.Redirect, changed.Text);
        (await browser.Http.GetAsync("/api/v1/appeals")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_request_with_a_session_cookie_and_an_api_token_is_refused_and_each_alone_is_one_person()
    {
        var (tokenOwner, _) = await ProviderAsync("token.owner@billing.example", "Token Clinic", Role.ProviderRepresentative);
        using var api = await ApiAsync(tokenOwner, "Billing system", "AppealsRead");
        var secret = api.DefaultRequestHeaders.Authorization!.Parameter!;
        using var staff = await StaffAsync("both.credentials@dmas.virginia.gov", Role.CaseWorker);

        using var both = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        both.Headers.Authorization = new("Bearer", secret);
        using var refused = await staff.Http.SendAsync(both);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .ShouldBe("Send either an API token or the portal's session cookie, not both.");
        refused.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_request");
        (await MeAsync(api)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["ProviderRepresentative"]);
        (await MeAsync(staff.Http)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["CaseWorker"]);
    }

    [Test]
    public async Task A_change_through_the_api_with_the_session_cookie_needs_the_antiforgery_token_and_one_with_a_token_does_not()
    {
        var (browser, _) = await ProviderAsync("cookie.writer@clinic.example", "Cookie Clinic", Role.ProviderRepresentative);
        using var api = await ApiAsync(browser, "Filing system", "AppealsFile");
        var unknownAppeal = $"/api/v1/appeals/{Guid.NewGuid()}/withdraw";

        using var forged = new HttpRequestMessage(HttpMethod.Post, unknownAppeal) { Content = JsonContent.Create(new { reason = "Cross-site." }) };
        forged.Headers.Add("Origin", "https://attacker.example");
        using var refused = await browser.Http.SendAsync(forged);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("The antiforgery token is missing or wrong.");

        using var wrongToken = new HttpRequestMessage(HttpMethod.Post, unknownAppeal) { Content = JsonContent.Create(new { }) };
        wrongToken.Headers.Add("RequestVerificationToken", "forged");
        (await browser.Http.SendAsync(wrongToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // With the page's token the request reaches the endpoint, which knows no such appeal.
        using var withToken = new HttpRequestMessage(HttpMethod.Post, unknownAppeal) { Content = JsonContent.Create(new { }) };
        withToken.Headers.Add("RequestVerificationToken", (await browser.GetAsync("/account/change-password")).AntiforgeryToken);
        (await browser.Http.SendAsync(withToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsJsonAsync(unknownAppeal, new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.Http.GetAsync("/api/v1/appeals")).StatusCode.ShouldBe(HttpStatusCode.OK); // reading needs no token
    }

    [TestCase("contactName", "Lee\u0000Park", "Remove the control characters (such as NUL) from this field.")]
    [TestCase("desiredOutcome", "Pay\u0000", "Remove the control characters (such as NUL) from this field.")]
    [TestCase("contactName", "Lee \u202EkraP", "Remove the hidden right-to-left or left-to-right marks from this field.")]
    [TestCase("noticeDate", "0001-01-01", "Enter a date from 01/01/1900 to 12/31/2099.")]
    [TestCase("contactEmail", "<img_src=x_onerror=alert(1)>@sec.example", "Enter an email address like name@example.com.")]
    public async Task Bad_text_in_an_api_filing_is_a_400_naming_the_field_and_nothing_is_filed(string field, string value, string message)
    {
        var (browser, provider) = await ProviderAsync($"bad.{field}.{value.Length}@clinic.example", "Bad Text Clinic", Role.ProviderRepresentative);
        using var api = await ApiAsync(browser, "Filing system", "AppealsFile");
        var form = Informal(provider);
        form[field] = value;

        using var answer = await api.PostAsJsonAsync("/api/v1/appeals/informal", form);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(message);
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(0L);
    }

    [Test]
    public async Task The_largest_decimal_as_an_amount_is_a_400_naming_the_item()
    {
        var (browser, provider) = await ProviderAsync("huge.amount@clinic.example", "Huge Clinic", Role.ProviderRepresentative);
        using var api = await ApiAsync(browser, "Filing system", "AppealsFile");
        var form = Informal(provider);
        form["items"] = new List<Dictionary<string, string>> { new() { ["reference"] = "CLM-1", ["amount"] = "79,228,162,514,264,337,593,543,950,335", ["reason"] = "Too much." } };

        using var answer = await api.PostAsJsonAsync("/api/v1/appeals/informal", form);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("items[0].amount")[0].GetString()
            .ShouldBe("Enter an amount of at most $999,999,999.99.");
        form["items"] = new List<Dictionary<string, string>> { new() { ["reference"] = "CLM-1", ["amount"] = "999,999,999.99", ["reason"] = "The most there is." } };
        (await api.PostAsJsonAsync("/api/v1/appeals/informal", form)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task A_control_character_typed_into_a_filing_page_is_a_message_beside_the_field_and_a_nul_a_400_page()
    {
        var (browser, provider) = await ProviderAsync("nul.page@clinic.example", "Nul Page Clinic");
        var fields = InformalFields(provider, "11/10/2026");
        fields["Form.DesiredOutcome"] = "Pay\u0001 the claim.";

        var page = await browser.PostAsync("/appeals/file/informal", fields);

        page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
        page.Text.ShouldContain("Remove the control characters (such as NUL) from this field.");

        // ASP.NET Core's form reader refuses a URL-encoded %00 itself (InvalidDataException), before the page runs:
        // the browser gets the 400 error page, not a 500.
        fields["Form.DesiredOutcome"] = "Pay\u0000 the claim.";
        (await browser.PostAsync("/appeals/file/informal", fields)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(0L);
    }

    [Test]
    public async Task A_nul_in_an_upload_file_name_is_a_400_naming_the_files_field()
    {
        var (browser, provider) = await ProviderAsync("nul.upload@clinic.example", "Nul Upload Clinic", Role.ProviderRepresentative);
        using var api = await ApiAsync(browser, "Scanner", "AppealsFile", "DocumentsWrite");
        using var filed = await api.PostAsJsonAsync("/api/v1/appeals/informal", Informal(provider));
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appealId").GetGuid();

        // Written by hand: the name's NUL arrives as filename*=UTF-8''letter%00.pdf, as a hostile client sends it.
        const string boundary = "hardening-boundary";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nEvidence\r\n"
                   + $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"letter.pdf\"; filename*=UTF-8''letter%00.pdf\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n"
                   + $"--{boundary}--\r\n";
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");

        using var answer = await api.PostAsync($"/api/v1/appeals/{id}/documents", content);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await answer.Content.ReadAsStringAsync());
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("files")[0].GetString()!
            .ShouldContain("contains control characters or hidden direction marks");
        (await CountAsync("SELECT count(*) FROM documents.documents WHERE appeal_id = @p", id)).ShouldBe(0L);
    }

    [TestCase("/api/v1/staff/appeals?page=2147483647")]
    [TestCase("/api/v1/staff/intake?page=2147483647")]
    [TestCase("/api/v1/staff/intake?page=0")]
    public async Task A_page_number_out_of_range_is_a_400_naming_page(string path)
    {
        using var worker = await StaffAsync($"pages.{path.Length}.{path[^2..]}@dmas.virginia.gov".Replace("=", "", StringComparison.Ordinal), Role.CaseWorker);

        using var answer = await worker.Http.GetAsync(path);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("page")[0].GetString().ShouldBe("Ask for a page from 1 to 10000.");
        (await worker.Http.GetAsync(path.Replace("2147483647", "10000", StringComparison.Ordinal).Replace("page=0", "page=1", StringComparison.Ordinal)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_formal_appeal_form_posted_for_someone_elses_appeal_is_404()
    {
        var (owner, provider) = await ProviderAsync("formal.owner@clinic.example", "Formal Owner Clinic");
        var informal = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        var (stranger, _) = await ProviderAsync("formal.stranger@clinic.example", "Formal Stranger Clinic");
        var token = (await stranger.GetAsync("/appeals/file/informal")).AntiforgeryToken;

        var filed = await stranger.PostWithTokenAsync($"/appeals/{informal}/formal", FormalFields("Mail"), token);
        var saved = await stranger.PostWithTokenAsync($"/appeals/{informal}/formal?handler=Save", FormalFields("Mail"), token);
        var empty = await stranger.PostWithTokenAsync($"/appeals/{informal}/formal", new Dictionary<string, string?>(), token);

        filed.Status.ShouldBe(HttpStatusCode.NotFound);
        saved.Status.ShouldBe(HttpStatusCode.NotFound);
        empty.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_failure_on_the_api_is_a_500_in_problem_details_even_when_the_caller_accepts_html()
    {
        var (browser, _) = await ProviderAsync("failure.api@clinic.example", "Failure Clinic");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/appeals");
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Add(FailHeader, "yes");

        using var answer = await browser.Http.SendAsync(request);

        answer.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("Something went wrong on our side.");
        (await answer.Content.ReadAsStringAsync()).ShouldNotContain("Thrown on purpose");
        (await browser.Http.GetAsync("/api/v1/appeals")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> IssueTemporaryPasswordAsync(string email)
    {
        using var scope = Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var password = scope.ServiceProvider.GetRequiredService<TemporaryPasswords>().IssueBeside(user);
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        return password;
    }

    private static async Task<JsonElement> MeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/me");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private static Dictionary<string, object> Informal(Guid provider) => new()
    {
        ["providerId"] = provider.ToString(),
        ["actionType"] = "ClaimDenial",
        ["noticeDate"] = "2026-11-10",
        ["receivedBy"] = "Email",
        ["fromMco"] = "no",
        ["items"] = new List<Dictionary<string, string>> { new() { ["reference"] = "CLM-2026-118734", ["amount"] = "4812.50", ["reason"] = "Authorized and documented." } },
        ["desiredOutcome"] = "Pay the claim as billed.",
        ["contactName"] = "Lee Park",
        ["contactPhone"] = "540-555-0142",
        ["contactEmail"] = "lee.park@clinic.example",
    };

    /// <summary>Fails any request sent with the test's header, inside the handler as an unforeseen bug would.</summary>
    private sealed class FailingOnRequest<TRequest, TResponse>(IHttpContextAccessor http) : IPipelineBehavior<TRequest, TResponse>
    {
        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
            // Once per request: the error page's own requests (the layout's notices count) must not fail too.
            http.HttpContext is { } context && context.Request.Headers.ContainsKey(FailHeader) && context.Items.TryAdd(FailHeader, true)
                ? throw new InvalidOperationException("Thrown on purpose by a test.")
                : next();
    }
}
