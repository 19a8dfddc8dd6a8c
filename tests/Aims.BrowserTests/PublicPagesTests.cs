using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>The public pages in a real browser: content, styling, accessibility, and a clean load.</summary>
public sealed class PublicPagesTests : BrowserTest
{
    [Test]
    public async Task Home_page_explains_who_the_portal_is_for_with_the_helpline_numbers_and_passes_axe()
    {
        var response = await Page.GotoAsync("/");

        response!.Status.ShouldBe(200);
        (await Page.Locator("h1").InnerTextAsync()).ShouldBe("Appeals Information Management System");
        var text = await Page.Locator("main").InnerTextAsync();
        text.ShouldContain("Providers");
        text.ShouldContain("Agencies and DMAS contractors");
        text.ShouldContain("804-486-2865");
        text.ShouldContain("804-371-8488");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [Test]
    public async Task The_design_system_styles_are_applied()
    {
        await Page.GotoAsync("/");

        // USWDS sets its own typeface on the body; the browser default would be Times/serif.
        var font = await Page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily");
        font.ShouldContain("Source Sans Pro");
        var skipLink = await Page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.usa-skipnav')).position");
        skipLink.ShouldBe("absolute");
    }

    [Test]
    public async Task Every_page_sends_a_strict_content_security_policy()
    {
        var response = await Page.GotoAsync("/");

        var headers = await response!.AllHeadersAsync();
        headers["content-security-policy"].ShouldContain("script-src 'self'");
        headers["content-security-policy"].ShouldNotContain("unsafe-inline");
        headers["x-content-type-options"].ShouldBe("nosniff");
    }

    [Test]
    public async Task Contact_page_lists_the_helpline_the_appeals_division_and_the_mailbox_and_passes_axe()
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Contact us" }).ClickAsync();

        Page.Url.ShouldEndWith("/contact");
        var text = await Page.Locator("main").InnerTextAsync();
        text.ShouldContain("804-486-2865");
        text.ShouldContain("804-371-8488");
        text.ShouldContain("retry after 5 minutes");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [Test]
    public async Task A_missing_page_shows_the_friendly_404_page_with_the_helpline()
    {
        ExpectedStatuses.Add(404);

        var response = await Page.GotoAsync("/no-such-page");

        response!.Status.ShouldBe(404);
        (await Page.Locator("h1").InnerTextAsync()).ShouldBe("Page not found");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("804-486-2865");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }
}
