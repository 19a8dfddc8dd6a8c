using System.Globalization;
using System.Text.RegularExpressions;
using Aims.Testing;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// A Medicaid member in Spanish in a real browser: switches, signs in with a Spanish email's code, files on Spanish pages
/// and gets a Spanish confirmation; each page checked with axe (lang="es").
/// </summary>
public sealed partial class SpanishJourneyTests : BrowserTest
{
    private const string Client = "clientappellant@demo.aims.example";

    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task A_member_switches_to_Spanish_signs_in_files_an_appeal_and_reads_the_Spanish_email()
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Page.WaitForURLAsync(BaseUrl + "/");
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Sistema de Gestión de Información de Apelaciones");
        await ShouldHaveNoAccessibilityViolationsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" }).First.ClickAsync();
        await Page.GetByLabel("Correo electrónico").FillAsync(Client);
        await Page.GetByLabel("Contraseña").FillAsync(DemoPortal.Password);
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Iniciar sesión", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/account/code?via=email");
        var codeEmail = await DemoPortal.AwaitEmailAsync(Client, "Su código de inicio de sesión de AIMS");
        codeEmail.TextBody.ShouldContain("Sirve una sola vez");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByLabel("Código de un solo uso").FillAsync(SixDigits().Match(codeEmail.TextBody).Value);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync();
        await Page.WaitForURLAsync(BaseUrl + "/");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Mis apelaciones" }).First.ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Presentar una apelación" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Presentar la apelación" }).ClickAsync();
        (await Page.Locator("#error-summary-heading").InnerTextAsync()).ShouldBe("Hay un problema");
        (await Page.Locator("#Form_NoticeDate-error").InnerTextAsync()).ShouldContain("Escriba la fecha que aparece en el aviso.");
        await ShouldHaveNoAccessibilityViolationsAsync();

        await Page.Locator("#Form_ActionType").SelectOptionAsync("ServicesDenied");
        await Page.GetByLabel("Fecha que aparece en el aviso").FillAsync(InformalAppealForm.Today(-3));
        await Page.GetByLabel("Qué pasó y por qué no está de acuerdo").FillAsync("Me negaron la reparación de mi silla de ruedas.");
        await Page.Locator("label[for=Form_McoMember_no]").ClickAsync();
        await Page.Locator("label[for=Form_Expedited_no]").ClickAsync();
        await Page.GetByLabel("Teléfono del contacto").FillAsync("804-555-0100");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Presentar la apelación" }).ClickAsync();
        await Page.WaitForURLAsync("**/filed");

        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Su apelación está presentada");
        SpanishDay().IsMatch(await Page.Locator("main").InnerTextAsync()).ShouldBeTrue("a Spanish long date on the filed page");
        await ShouldHaveNoAccessibilityViolationsAsync();
        var caseNumber = await Page.Locator("#case-number").InnerTextAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ver la apelación" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Un servicio fue negado, reducido o terminado");
        await ShouldHaveNoAccessibilityViolationsAsync();

        var confirmation = await DemoPortal.AwaitEmailAsync(Client, $"Apelación {caseNumber} recibida");
        confirmation.TextBody.ShouldContain("La División de Apelaciones recibió su apelación el");
        SpanishDay().IsMatch(confirmation.TextBody).ShouldBeTrue(confirmation.TextBody);
    }

    /// <summary>"lunes, 23 de noviembre de 2026".</summary>
    [GeneratedRegex(@"(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}")]
    private static partial Regex SpanishDay();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
