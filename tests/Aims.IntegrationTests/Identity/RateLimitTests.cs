using System.Net;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>Sign-in, code, sign-up and reset pages are rate-limited per client address: 429 with Retry-After and a readable page.</summary>
public sealed class RateLimitTests() : PortalTest("aims_test_rate_limits")
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Aims:RateLimits:SignIn:PermitLimit"] = "3",
        ["Aims:RateLimits:SignIn:Window"] = "00:01:00",
        ["Aims:RateLimits:PasswordReset:PermitLimit"] = "2",
        ["Aims:RateLimits:PasswordReset:Window"] = "00:15:00",
    };

    [Test]
    public async Task The_request_past_the_sign_in_limit_gets_429_with_retry_after_and_a_readable_page()
    {
        using var browser = NewBrowser();
        for (var i = 0; i < 3; i++)
        {
            (await browser.GetAsync("/account/sign-in")).Status.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await browser.GetAsync("/account/sign-in");

        refused.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        refused.Text.ShouldContain("Too many requests");
        refused.Text.ShouldContain("Wait a few minutes and try again.");
    }

    [Test]
    public async Task Programs_get_problem_details_and_pages_without_a_limit_stay_open()
    {
        using var program = Portal.CreateClient(new() { AllowAutoRedirect = false });
        HttpStatusCode last = 0;
        for (var i = 0; i < 3; i++)
        {
            using var response = await program.GetAsync("/account/forgot-password");
            last = response.StatusCode;
        }

        last.ShouldBe(HttpStatusCode.TooManyRequests);
        using var refused = await program.GetAsync("/account/forgot-password");
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var home = await program.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
