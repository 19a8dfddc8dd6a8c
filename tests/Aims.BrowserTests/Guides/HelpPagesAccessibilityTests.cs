using Microsoft.Playwright;

namespace Aims.BrowserTests.Guides;

/// <summary>The help pages in a real browser, in English and in Spanish: axe finds nothing, and every guide image loads.</summary>
public sealed class HelpPagesAccessibilityTests : BrowserTest
{
    [TestCase("en", "/help", "Help")]
    [TestCase("en", "/help/faq/provider", "Questions from providers")]
    [TestCase("en", "/help/faq/agency", "Questions from agencies and DMAS contractors")]
    [TestCase("en", "/help/faq/client", "Questions from Medicaid applicants and members")]
    [TestCase("en", "/help/guide/informal-appeal", "Create an informal appeal")]
    [TestCase("en", "/contact", "Contact us")]
    [TestCase("es", "/help", "Ayuda")]
    [TestCase("es", "/help/faq/provider", "Preguntas de proveedores")]
    [TestCase("es", "/help/faq/agency", "Preguntas de agencias y contratistas de DMAS")]
    [TestCase("es", "/help/faq/client", "Preguntas de solicitantes y miembros de Medicaid")]
    [TestCase("es", "/help/guide/register-agency", "Registrar una agencia")]
    [TestCase("es", "/contact", "Contáctenos")]
    public async Task The_help_page_meets_wcag_aa_in_each_language(string language, string path, string heading)
    {
        await Page.GotoAsync("/");
        if (language == "es")
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
            await Page.WaitForURLAsync("**/");
        }

        if (path == "/help")
        {
            // The landing page is reached the way a person does: the header's Help link, in either language.
            await Page.GetByRole(AriaRole.Navigation, new() { Name = language == "es" ? "Principal" : "Primary" })
                .GetByRole(AriaRole.Link, new() { Name = language == "es" ? "Ayuda" : "Help", Exact = true }).ClickAsync();
            await Page.WaitForURLAsync("**/help");
        }
        else
        {
            await Page.GotoAsync(path);
        }

        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe(heading);
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language);
        await Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = language == "es" ? "Contáctenos" : "Contact us" }).WaitForAsync();
        var images = Page.Locator("main img");
        for (var i = 0; i < await images.CountAsync(); i++)
        {
            await images.Nth(i).ScrollIntoViewIfNeededAsync();
            // Lazy images load once scrolled to; a missing screenshot loads with no width.
            (await images.Nth(i).EvaluateAsync<int>(
                "img => img.complete ? img.naturalWidth : new Promise(done => { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); })"))
                .ShouldBeGreaterThan(0);
        }

        await ShouldHaveNoAccessibilityViolationsAsync();
    }
}
