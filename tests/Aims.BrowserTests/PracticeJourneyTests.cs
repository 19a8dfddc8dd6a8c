using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// "You Try" in a real browser: an authorized representative completes every practice scenario (file, monitor,
/// upload, withdraw), sees each one's feedback on the practice home, and every practice page passes axe.
/// </summary>
public sealed partial class PracticeJourneyTests : BrowserTest
{
    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task Every_practice_scenario_is_completed_with_feedback_on_the_practice_home()
    {
        await DemoPortal.SignInAsync(Page, "authorizedrepresentative@demo.aims.example");
        await Page.GotoAsync("/appeals");
        await Page.GetByRole(AriaRole.Link, new() { Name = "You Try — practise filing" }).ClickAsync();
        await Page.WaitForURLAsync("**/practice");
        (await Page.Locator("#practice-banner").InnerTextAsync()).ShouldContain("Practice — nothing here is a real appeal");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Completed 0 of 4 scenarios.");
        await ShouldHaveNoAccessibilityViolationsAsync();

        // File an informal appeal for the denied claim in the script.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Start filing" }).ClickAsync();
        await Page.WaitForURLAsync("**/practice/file");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.Locator("#Form_ActionType").SelectOptionAsync("ClaimDenial");
        await Page.Locator("#Form_NoticeDate").FillAsync(InformalAppealForm.Today(-7));
        await Page.Locator("label[for=Form_ReceivedBy_Email]").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check my deadline" }).ClickAsync();
        await Page.WaitForURLAsync("**/practice/file?handler=Check");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("the appeal is on time");
        (await Page.Locator("#practice-banner").CountAsync()).ShouldBe(1);
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.Locator("label[for=Form_FromMco_no]").ClickAsync();
        await Page.GetByLabel("Claim number or adjustment reference").FillAsync("CLM-PRACTICE-1001");
        await Page.GetByLabel("Amount in dispute ($)").FillAsync("1250.00");
        await Page.GetByLabel("Why you dispute it").FillAsync("The visit was authorized and documented.");
        await Page.GetByLabel("The outcome you want").FillAsync("Pay the claim.");
        await Page.GetByLabel("Contact phone").FillAsync("804-555-0100");
        await Page.GetByRole(AriaRole.Button, new() { Name = "File the practice appeal" }).ClickAsync();
        await Page.WaitForURLAsync(PracticeAppeal());
        var appealUrl = Page.Url;
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Scenario complete: You filed PRACTICE-");
        await ShouldHaveNoAccessibilityViolationsAsync();

        // Monitor: read the next deadline off the page and answer the question with it.
        var next = (await Page.Locator("dt:text-is('Next deadline') + dd").InnerTextAsync())[..10];
        await Page.GetByLabel("Date of this appeal’s next deadline").FillAsync(next);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check my answer" }).ClickAsync();
        await Page.GetByText("Scenario complete: Right: the next deadline").WaitForAsync();

        // Upload a document to the existing practice case.
        await Page.GetByLabel("What is it?").SelectOptionAsync("NoticeOfAction");
        await Page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(
            new FilePayload { Name = "denial notice.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n% practice\n%%EOF\n") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Page.GetByText("Scenario complete: You added denial notice.pdf").WaitForAsync();
        (await Page.Locator("#documents table").InnerTextAsync()).ShouldContain("Notice of action");
        await ShouldHaveNoAccessibilityViolationsAsync();

        // Withdraw it.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Withdraw this practice appeal" }).ClickAsync();
        await Page.WaitForURLAsync("**/withdraw");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByLabel("Why are you withdrawing?").FillAsync("Just practising.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw the practice appeal" }).ClickAsync();
        await Page.WaitForURLAsync(appealUrl);
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Scenario complete: You withdrew PRACTICE-");

        // The practice home shows each scenario done, with its feedback.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Practice home", Exact = true }).ClickAsync();
        var home = await Page.Locator("main").InnerTextAsync();
        home.ShouldContain("Completed 4 of 4 scenarios.");
        (await Page.Locator("[data-feedback]").CountAsync()).ShouldBe(4);
        (await Page.Locator("[data-feedback=FileInformalAppeal]").InnerTextAsync()).ShouldContain("you were on time");
        (await Page.Locator("[data-feedback=MonitorAppeal]").InnerTextAsync()).ShouldContain(next);
        (await Page.Locator("[data-feedback=UploadDocument]").InnerTextAsync()).ShouldContain("denial notice.pdf");
        (await Page.Locator("[data-feedback=WithdrawAppeal]").InnerTextAsync()).ShouldContain("You withdrew");
        home.ShouldContain("Withdrawn");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [Test]
    public async Task The_practice_pages_read_in_Spanish_and_pass_axe()
    {
        await DemoPortal.SignInAsync(Page, "mcouser@demo.aims.example");
        await Page.GotoAsync("/practice");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Page.WaitForURLAsync("**/practice");
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        (await Page.Locator("#practice-banner").InnerTextAsync()).ShouldContain("Práctica: nada de lo que hay aquí es una apelación real");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Presentar una apelación informal de una reclamación negada");
        await ShouldHaveNoAccessibilityViolationsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Empezar a presentar" }).ClickAsync();
        await Page.WaitForURLAsync("**/practice/file");
        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Práctica: presentar una apelación informal");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [Test]
    public async Task An_agency_coordinator_reaches_practice_from_help_and_is_offered_only_what_coordinators_do_in_both_languages()
    {
        await DemoPortal.SignInAsync(Page, "agencycoordinator@demo.aims.example");
        await Page.GotoAsync("/help");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Open the practice space" }).ClickAsync();
        await Page.WaitForURLAsync("**/practice");
        var home = await Page.Locator("main").InnerTextAsync();
        home.ShouldContain("you do not file or withdraw appeals");
        home.ShouldNotContain("Start filing");
        (await Page.Locator(".usa-process-list__item").CountAsync()).ShouldBe(2);
        await ShouldHaveNoAccessibilityViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Open a practice appeal assigned to your agency" }).ClickAsync();
        await Page.WaitForURLAsync(PracticeAppeal());
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Demo Provider Audit Contractor");
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Withdraw this practice appeal" }).CountAsync()).ShouldBe(0);
        await ShouldHaveNoAccessibilityViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Page.WaitForURLAsync(PracticeAppeal());
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Los mismos archivos que en una apelación real");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GotoAsync("/practice");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("no presenta ni retira apelaciones");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [GeneratedRegex(@"/practice/[0-9a-f-]{36}$")]
    private static partial Regex PracticeAppeal();
}
