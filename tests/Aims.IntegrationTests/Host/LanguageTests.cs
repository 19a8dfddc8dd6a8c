using System.Net;
using Aims.Testing;

namespace Aims.IntegrationTests.Host;

/// <summary>The header's language switch: Spanish for the public pages, remembered by the browser; staff pages stay English.</summary>
public sealed class LanguageTests
{
    [Test]
    public async Task A_new_visitor_reads_English()
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        var home = await browser.GetAsync("/");

        home.Html.ShouldContain("<html lang=\"en\"");
        home.Text.ShouldContain("Sign in");
        home.Html.ShouldContain("value=\"es\" lang=\"es\"");
    }

    [Test]
    public async Task Choosing_Spanish_goes_back_to_the_page_and_is_remembered()
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        var switched = await browser.PostAsync("/contact", [new("language", "es"), new("returnUrl", "/contact")], action: "/language");

        switched.Status.ShouldBe(HttpStatusCode.Redirect);
        switched.Location.ShouldBe("/contact");
        switched.Headers["Set-Cookie"].ShouldContain(".AIMS.Language=c%3Des-US%7Cuic%3Des-US");
        var home = await browser.GetAsync("/");
        home.Html.ShouldContain("<html lang=\"es\"");
        home.Text.ShouldContain("Iniciar sesión");
        home.Text.ShouldContain("Contáctenos");
        home.Html.ShouldContain("value=\"en\" lang=\"en\"");

        var back = await browser.PostAsync("/", [new("language", "en"), new("returnUrl", "/")], action: "/language");
        back.Location.ShouldBe("/");
        (await browser.GetAsync("/")).Html.ShouldContain("<html lang=\"en\"");
    }

    [Test]
    public async Task Staff_pages_stay_English_and_offer_no_switch()
    {
        using var browser = FormClient.For(HostUnderTest.Portal);
        await browser.PostAsync("/", [new("language", "es"), new("returnUrl", "/")], action: "/language");

        var staff = await browser.GetAsync("/staff/sign-in");

        staff.Html.ShouldContain("<html lang=\"en\"");
        staff.Html.ShouldNotContain("name=\"language\"");
    }

    [TestCase("fr")]
    [TestCase("")]
    public async Task A_language_the_portal_does_not_offer_changes_nothing(string language)
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        var switched = await browser.PostAsync("/", [new("language", language), new("returnUrl", "/contact")], action: "/language");

        switched.Location.ShouldBe("/contact");
        switched.Headers.ContainsKey("Set-Cookie").ShouldBeFalse();
        (await browser.GetAsync("/")).Html.ShouldContain("<html lang=\"en\"");
    }

    [TestCase("https://elsewhere.example/")]
    [TestCase("//elsewhere.example/")]
    public async Task The_switch_never_sends_a_person_off_the_portal(string returnUrl)
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        var switched = await browser.PostAsync("/", [new("language", "es"), new("returnUrl", returnUrl)], action: "/language");

        switched.Location.ShouldBe("/");
    }

    [Test]
    public async Task The_switch_needs_the_form_token()
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        var forged = await browser.PostWithTokenAsync("/language", [new("language", "es"), new("returnUrl", "/")], token: null);

        forged.Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
