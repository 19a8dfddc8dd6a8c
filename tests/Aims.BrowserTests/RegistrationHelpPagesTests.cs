using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// Issue 22: the agency registration page, reached from the header as a signed-out person does, explains the Agency
/// Appeals Coordinator's role; it, the home page and sign-up pass axe in English and in Spanish.
/// </summary>
public sealed class RegistrationHelpPagesTests : BrowserTest
{
    [TestCase("en", "Register an agency", "Request access for an agency or DMAS contractor", "You become the agency's appeals coordinator")]
    [TestCase("es", "Registrar una agencia", "Solicitar acceso para una agencia o un contratista de DMAS", "Usted será el coordinador de apelaciones de la agencia")]
    public async Task The_header_leads_to_registration_which_explains_the_coordinator_and_passes_axe(string language, string link, string heading, string coordinator)
    {
        await Page.GotoAsync("/");
        if (language == "es")
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
            await Page.WaitForURLAsync("**/");
        }

        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Navigation, new() { Name = language == "es" ? "Principal" : "Primary" })
            .GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/registration/agency");

        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe(heading);
        (await Page.GetByRole(AriaRole.Heading, new() { Name = coordinator }).CountAsync()).ShouldBe(1);
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language);
        await ShouldHaveNoAccessibilityViolationsAsync();

        await Page.GotoAsync("/account/sign-up");
        (await Page.Locator(".aims-helpline").InnerTextAsync()).ShouldContain(language == "es" ? "registrarse o iniciar sesión" : "registering or signing in");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }
}
