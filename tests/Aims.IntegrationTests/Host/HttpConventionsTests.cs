using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// What every caller of the real host can rely on: its correlation id, errors in the form it asked for, and the same
/// hardening headers on every response (NetEscapades.AspNetCore.SecurityHeaders writes them, ADR 0046).
/// </summary>
public sealed class HttpConventionsTests
{
    private const string Header = "X-Correlation-Id";

    [Test]
    public async Task A_well_formed_correlation_id_is_echoed()
    {
        var response = await GetAsync("/health/live", request => request.Headers.Add(Header, "abc-123"));

        response.Headers.GetValues(Header).Single().ShouldBe("abc-123");
    }

    [TestCase("abc 123")]
    [TestCase("<script>")]
    [TestCase("")]
    public async Task A_malformed_correlation_id_is_replaced_by_a_fresh_one(string supplied)
    {
        var response = await GetAsync("/health/live", request => request.Headers.TryAddWithoutValidation(Header, supplied));

        var echoed = response.Headers.GetValues(Header).Single();
        echoed.ShouldNotBe(supplied);
        echoed.ShouldMatch("^[A-Za-z0-9._-]{1,64}$");
    }

    [Test]
    public async Task An_overlong_correlation_id_is_replaced_by_a_fresh_one()
    {
        var supplied = new string('a', 200);

        var response = await GetAsync("/health/live", request => request.Headers.Add(Header, supplied));

        response.Headers.GetValues(Header).Single().ShouldNotBe(supplied);
    }

    [Test]
    public async Task Each_request_without_one_gets_its_own()
    {
        var first = await GetAsync("/health/live", _ => { });
        var second = await GetAsync("/health/live", _ => { });

        first.Headers.GetValues(Header).Single().ShouldNotBe(second.Headers.GetValues(Header).Single());
    }

    [Test]
    public async Task An_api_client_gets_404_problem_details_for_an_unknown_route()
    {
        var response = await GetAsync("/api/no-such-thing", request => request.Headers.Add("Accept", "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task A_browser_gets_the_not_found_page_for_an_unknown_address()
    {
        var response = await GetAsync("/no-such-page", request => request.Headers.Add("Accept", "text/html,application/xhtml+xml"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [TestCase("/account/sign-in", "text/html", HttpStatusCode.OK)]
    [TestCase("/no-such-page", "text/html", HttpStatusCode.NotFound)]
    [TestCase("/api/no-such-thing", "application/json", HttpStatusCode.NotFound)]
    [TestCase("/health/ready", "application/json", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_same_security_headers(string path, string accept, HttpStatusCode status)
    {
        var response = await GetAsync(path, request => request.Headers.Add("Accept", accept));

        response.StatusCode.ShouldBe(status);
        string Header(string name) => response.Headers.GetValues(name).Single();
        Header("Content-Security-Policy").ShouldBe(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; " +
            "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'");
        Header("X-Content-Type-Options").ShouldBe("nosniff");
        Header("X-Frame-Options").ShouldBe("DENY");
        Header("Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        Header("Permissions-Policy").ShouldBe("camera=(), microphone=(), geolocation=()");
    }

    private static async Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage> prepare)
    {
        using var client = HostUnderTest.Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        prepare(request);
        return await client.SendAsync(request);
    }
}
