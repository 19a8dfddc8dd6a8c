using System.Net;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// Signing in from a page (an email's "Open in AIMS" link) lands on that page; only a local path is followed, anything
/// else (<c>//host</c>, <c>/\host</c>, an absolute address) lands home.
/// </summary>
public sealed class ReturnAfterSignInTests() : PortalTest("aims_test_return_after_sign_in")
{
    [Test]
    public async Task A_link_opened_while_signed_out_is_where_the_person_lands_after_the_code()
    {
        const string email = "rowan@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();

        var asked = await browser.GetAsync("/account/activity?page=2");
        asked.Status.ShouldBe(HttpStatusCode.Redirect);
        var signInPage = PathOf(asked.Location!);
        signInPage.ShouldBe("/account/sign-in?ReturnUrl=%2Faccount%2Factivity%3Fpage%3D2");
        var form = await browser.GetAsync(signInPage);
        form.Html.ShouldContain("value=\"/account/activity?page=2\"");
        form.Html.ShouldContain("href=\"/account/passkey-sign-in?ReturnUrl=%2Faccount%2Factivity%3Fpage%3D2\"");

        var started = await browser.PostAsync(signInPage, new Dictionary<string, string?> { ["Form.Email"] = email, ["Form.Password"] = Password });
        started.Location.ShouldBe("/account/code?via=email", started.Text);
        var signedIn = await browser.EnterCodeAsync(await PortalSignIn.LatestCodeAsync(ConnectionString, email));

        signedIn.Location.ShouldBe("/account/activity?page=2");
    }

    [TestCase("https://evil.example/appeals")]
    [TestCase("//evil.example/appeals")]
    [TestCase("/\\evil.example/appeals")]
    [TestCase("\\\\evil.example/appeals")]
    [TestCase("javascript:alert(1)")]
    public async Task A_return_address_off_the_portal_lands_on_the_home_page(string returnUrl)
    {
        var email = $"evil{Math.Abs(returnUrl.GetHashCode(StringComparison.Ordinal)) % 100000}@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        var page = "/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var form = await browser.GetAsync(page);
        form.Html.ShouldNotContain("passkey-sign-in?ReturnUrl");
        var started = await browser.PostAsync(page, new Dictionary<string, string?> { ["Form.Email"] = email, ["Form.Password"] = Password });
        started.Location.ShouldBe("/account/code?via=email", started.Text);

        (await browser.EnterCodeAsync(await PortalSignIn.LatestCodeAsync(ConnectionString, email))).Location.ShouldBe("/");
    }

    [Test]
    public async Task A_staff_screen_asked_for_while_signed_out_leads_to_the_staff_sign_in_and_back()
    {
        var asked = NewBrowser();
        using (asked)
        {
            var redirected = await asked.GetAsync("/account/sign-in?ReturnUrl=%2Fstaff%2Fintake");
            redirected.Status.ShouldBe(HttpStatusCode.Redirect);
            redirected.Location.ShouldBe("/staff/sign-in?ReturnUrl=%2Fstaff%2Fintake");
            (await asked.GetAsync("/staff/sign-in?ReturnUrl=%2Fstaff%2Fintake")).Html.ShouldContain("value=\"/staff/intake\"");
        }
    }

    private static string PathOf(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? absolute.PathAndQuery : location;
}
