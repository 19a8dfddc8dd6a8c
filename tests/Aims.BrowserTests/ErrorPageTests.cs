using System.Net;
using System.Net.Http.Headers;

namespace Aims.BrowserTests;

/// <summary>What a person sees when something goes wrong: a friendly page with the right status and the helpline.</summary>
public sealed class ErrorPageTests : BrowserTest
{
    private static readonly HttpClient Http = new();

    [Test]
    public async Task An_unexpected_failure_shows_a_reference_that_matches_the_logged_correlation_id_and_passes_axe()
    {
        ExpectedStatuses.Add(500);

        var response = await Page.GotoAsync(FailingPage.Path);

        response!.Status.ShouldBe(500);
        (await Page.Locator("h1").InnerTextAsync()).ShouldBe("Something went wrong");
        var headers = await response.AllHeadersAsync();
        headers.ShouldContainKey("x-correlation-id");
        (await Page.Locator("main code").InnerTextAsync()).ShouldBe(headers["x-correlation-id"]);
        headers.ShouldContainKey("content-security-policy");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("804-486-2865");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [TestCase(403, "Not allowed")]
    [TestCase(404, "Page not found")]
    [TestCase(409, "This changed")]
    [TestCase(429, "Too many requests")]
    [TestCase(503, "Temporarily unavailable")]
    public async Task Each_status_has_its_own_message(int status, string title)
    {
        var response = await SendAsync(HttpMethod.Get, $"/Error?status={status}");

        ((int)response.StatusCode).ShouldBe(status);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"<h1>{title}</h1>");
        html.ShouldContain("804-486-2865");
    }

    [TestCase("-5")]
    [TestCase("200")]
    [TestCase("99999999999")]
    public async Task A_made_up_status_in_the_address_still_gets_the_generic_page(string status)
    {
        var response = await SendAsync(HttpMethod.Get, $"/Error?status={status}");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1>Something went wrong</h1>");
    }

    [Test]
    public async Task A_form_posted_to_a_missing_page_gets_the_friendly_404_page()
    {
        var response = await SendAsync(HttpMethod.Post, "/no-such-form");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1>Page not found</h1>");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, PortalServer.BaseUrl + path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent([new("name", "value")]);
        }

        return Http.SendAsync(request);
    }
}
