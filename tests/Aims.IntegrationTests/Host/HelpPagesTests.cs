using System.Net;
using Aims.Host.Help;
using Aims.Testing;

namespace Aims.IntegrationTests.Host;

/// <summary>The help pages on the default settings: public, linked from every page, and each guide step's screenshot in place.</summary>
public sealed class HelpPagesTests
{
    public static IEnumerable<string> HelpPages() =>
        new[] { "/help", "/help/faq/provider", "/help/faq/agency", "/help/faq/client", "/contact" }
            .Concat(HelpGuides.All.Select(g => $"/help/guide/{g.Slug}"));

    [TestCaseSource(nameof(HelpPages))]
    public async Task Each_help_page_opens_without_signing_in_with_help_in_the_header_and_contact_in_the_footer(string path)
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        var page = await browser.GetAsync(path);

        page.Status.ShouldBe(HttpStatusCode.OK);
        HelpMarkup.FooterLinksToContact(page.Html).ShouldBeTrue();
        page.Html.ShouldContain("<a class=\"usa-nav-link aims-nav__link\" href=\"/help\">Help</a>");
    }

    [TestCase("/help/faq/staff")]
    [TestCase("/help/faq/Provider")]
    [TestCase("/help/faq/0")]
    [TestCase("/help/guide/no-such-guide")]
    public async Task An_unknown_audience_or_guide_is_not_found(string path)
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        (await browser.GetAsync(path)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_faq_states_the_default_settings_the_seed_asks_for()
    {
        var faq = await PublicPage.TextAsync("/help/faq/client");

        faq.ShouldContain("A one-time code works once, for 40 minutes.");
        faq.ShouldContain("After 3 wrong passwords or codes in a row");
        faq.ShouldContain("It unlocks by itself after 30 minutes");
        faq.ShouldContain("At least 12 and at most 256 characters");
        faq.ShouldContain("~!@$%^&*_+`|\\[]:;'<>.?/");
        faq.ShouldContain("Codes come from no-reply@aims.dmas.virginia.gov.");
        faq.ShouldContain("Try again after 5 minutes");
        faq.ShouldContain("within 120 days of the MCO's final decision, plus 5 days for mailing");
        faq.ShouldContain("You must first appeal to your MCO");
    }

    [Test]
    public async Task The_contact_page_gives_the_helpline_and_the_appeals_division_their_own_numbers()
    {
        var contact = await PublicPage.TextAsync("/contact");

        contact.ShouldContain("AIMS helpline 804-486-2865 For registration, signing in and technical help. If registering fails, retry after 5 minutes");
        contact.ShouldContain("Appeals Division 804-371-8488 For questions about an appeal");
        contact.ShouldContain("MES-Assist@dmas.virginia.gov");
    }

    [Test]
    public async Task Every_guide_step_has_its_screenshot_in_place()
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        foreach (var guide in HelpGuides.All)
        {
            guide.Steps.Select(s => s.Name).ShouldBeUnique();
            foreach (var (step, language) in guide.Steps.SelectMany(s => new[] { (s, "en"), (s, "es") }))
            {
                using var response = await browser.Http.GetAsync(guide.Screenshot(step, language));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{guide.Slug}/{step.Name} has no screenshot in {language}: run the guide browser tests (docs/help.md)");
                response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            }
        }
    }
}
