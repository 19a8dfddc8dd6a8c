using System.Net;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>Sessions: idle 30 minutes, absolute 12 hours; signing out, signing out everywhere and a password change end other sessions.</summary>
public sealed class SessionTests() : PortalTest("aims_test_sessions")
{
    [Test]
    public async Task The_session_cookie_is_http_only_same_site_and_new_at_sign_in()
    {
        const string email = "adair@agency.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.StartAsync(email, Password);

        var signedIn = await browser.EnterCodeAsync(await PortalSignIn.LatestCodeAsync(ConnectionString, email));

        var cookie = signedIn.Headers["Set-Cookie"].Split(',').Single(c => c.TrimStart().StartsWith("aims.session=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldNotContain("expires="); // ends with the browser, not persisted
    }

    [Test]
    public async Task Thirty_minutes_without_a_request_ends_the_session()
    {
        const string email = "bellamy@agency.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        Clock.Advance(TimeSpan.FromMinutes(29));
        (await browser.GetAsync("/account/profile")).Status.ShouldBe(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromMinutes(29));
        (await browser.GetAsync("/account/profile")).Status.ShouldBe(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        (await browser.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
    }

    [Test]
    public async Task Twelve_hours_after_signing_in_the_session_ends_however_active()
    {
        const string email = "cameron@agency.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20); elapsed += TimeSpan.FromMinutes(20))
        {
            Clock.Advance(TimeSpan.FromMinutes(20));
            (await browser.GetAsync("/account/profile")).Status.ShouldBe(HttpStatusCode.OK, $"after {elapsed + TimeSpan.FromMinutes(20)}");
        }

        Clock.SetUtcNow(Start.AddHours(12));
        (await browser.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
    }

    [Test]
    public async Task Signing_out_everywhere_ends_the_other_sessions_at_once()
    {
        const string email = "darcy@agency.example";
        await CreateAccountAsync(email);
        using var laptop = NewBrowser();
        using var phone = NewBrowser();
        await laptop.SignInAsync(ConnectionString, email, Password);
        await phone.SignInAsync(ConnectionString, email, Password);

        (await laptop.PostAsync("/account/profile", new Dictionary<string, string?>(), "/account/profile?handler=SignOutEverywhere"))
            .Location.ShouldBe("/account/sign-in");

        (await phone.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
        (await laptop.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
    }

    [Test]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        const string email = "ellis@agency.example";
        await CreateAccountAsync(email);
        using var laptop = NewBrowser();
        using var phone = NewBrowser();
        await laptop.SignInAsync(ConnectionString, email, Password);
        await phone.SignInAsync(ConnectionString, email, Password);

        (await laptop.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = Password,
            ["Form.NewPassword"] = "Brand-New-Lighthouse-2!",
            ["Form.ConfirmPassword"] = "Brand-New-Lighthouse-2!",
        })).Location.ShouldBe("/");

        (await laptop.GetAsync("/account/profile")).Status.ShouldBe(HttpStatusCode.OK);
        (await phone.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
        (await EmailsToAsync(email)).ShouldContain(e => e.Subject == "Your AIMS password was changed");
    }

    [Test]
    public async Task A_wrong_current_password_is_refused_beside_the_field()
    {
        const string email = "finch@agency.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var answer = await browser.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = "Not-My-Password-1!",
            ["Form.NewPassword"] = "Brand-New-Lighthouse-2!",
            ["Form.ConfirmPassword"] = "Brand-New-Lighthouse-2!",
        });

        answer.Html.ShouldContain("id=\"Form_CurrentPassword-error\"");
        answer.Text.ShouldContain("Your current password is not right.");
    }

    [Test]
    public async Task Signing_out_ends_the_session_even_for_a_copy_of_its_cookie()
    {
        const string email = "gray@agency.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        var signedIn = await browser.SignInAsync(ConnectionString, email, Password);
        var sessionCookie = signedIn.Headers["Set-Cookie"].Split(',').Single(c => c.TrimStart().StartsWith("aims.session=", StringComparison.Ordinal)).Split(';')[0].Trim();

        (await browser.PostAsync("/account/sign-out", new Dictionary<string, string?>())).Location.ShouldBe("/account/sign-in");

        using var copy = Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", sessionCookie);
        copy.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using var answer = await copy.GetAsync("/account/profile");
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Test]
    public async Task Pages_need_a_session_and_programs_get_401_instead_of_a_redirect()
    {
        using var browser = NewBrowser();
        (await browser.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in?ReturnUrl=%2Faccount%2Fprofile");

        using var program = Portal.CreateClient(new() { AllowAutoRedirect = false });
        using var answer = await program.GetAsync("/account/profile");
        answer.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
