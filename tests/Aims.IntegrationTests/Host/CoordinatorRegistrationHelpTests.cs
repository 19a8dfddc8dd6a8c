using System.Net;
using Aims.Testing;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// Issue 22: the registration page explains the coordinator's role in both languages, is linked from the home page and
/// header, and its help covers registering.
/// </summary>
public sealed class CoordinatorRegistrationHelpTests
{
    [Test]
    public async Task The_registration_page_says_who_the_agency_appeals_coordinator_is_and_what_the_role_does()
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        var page = await browser.GetAsync("/registration/agency");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("The person who registers is the Agency Appeals Coordinator in AIMS");
        page.Text.ShouldContain("receive the portal's notifications about the appeals assigned to your agency");
        page.Text.ShouldContain("make sure your agency files its appeal or case summary");
        page.Text.ShouldContain("know about each hearing or Informal Fact Finding Conference (IFFC)");
        page.Text.ShouldContain("replies by email, normally within 2 business days.");
        page.Text.ShouldContain("Need help registering or signing in? Call the AIMS helpline at 804-486-2865");
        page.Text.ShouldContain("If registering fails, please retry after 5 minutes before you call.");

        await browser.ChooseLanguageAsync("es");
        var spanish = await browser.GetAsync("/registration/agency");
        spanish.Text.ShouldContain("La persona que se registra es el Coordinador de Apelaciones de la Agencia en AIMS");
        spanish.Text.ShouldContain("Conferencia Informal de Determinación de Hechos (IFFC)");
        spanish.Text.ShouldContain("¿Necesita ayuda para registrarse o iniciar sesión?");
        spanish.Text.ShouldContain("vuelva a intentarlo después de 5 minutos antes de llamar.");
        spanish.Text.ShouldNotContain("Agency Appeals Coordinator");
    }

    [Test]
    public async Task The_home_page_and_the_header_link_to_registration_for_someone_signed_out()
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        var home = await browser.GetAsync("/");
        var help = await browser.GetAsync("/help");

        home.Html.ShouldContain("<a href=\"/registration/agency\">register as your agency&#x27;s appeals coordinator</a>");
        home.Html.ShouldContain("<a class=\"usa-nav-link aims-nav__link\" href=\"/registration/agency\">Register an agency</a>");
        help.Html.ShouldContain("<a class=\"usa-nav-link aims-nav__link\" href=\"/registration/agency\">Register an agency</a>");
        await browser.ChooseLanguageAsync("es");
        (await browser.GetAsync("/")).Html.ShouldContain("href=\"/registration/agency\">Registrar una agencia</a>");
    }

    [Test]
    public async Task The_sign_in_help_box_covers_registering_too()
    {
        using var browser = FormClient.For(HostUnderTest.Portal);

        foreach (var path in new[] { "/account/sign-in", "/account/sign-up", "/registration/agency" })
        {
            var page = await browser.GetAsync(path);
            page.Html.ShouldContain("aria-label=\"Help with registering and signing in\"", customMessage: path);
            page.Text.ShouldContain("Need help registering or signing in?", customMessage: path);
        }
    }

    [Test]
    public async Task Closed_cases_and_the_agency_faq_use_the_training_materials_words()
    {
        var agencyFaq = await PublicPage.TextAsync("/help/faq/agency");

        agencyFaq.ShouldContain("Choose Client Agency / DMAS Contractor if the adverse actions you handle are against Medicaid applicants or members, or Provider Agency / DMAS Contractor");
        agencyFaq.ShouldNotContain("Client Agency / Contractor ");
        agencyFaq.ShouldContain("What does the agency's appeals coordinator do?");
        (await PublicPage.TextAsync("/help/faq/agency", "es")).ShouldContain("Elija Agencia de clientes / contratista de DMAS si");
    }
}
