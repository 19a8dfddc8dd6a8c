using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// Appellants in a real browser on the demo portal: a provider files an informal appeal and follows it, a client asks
/// for an expedited appeal, a provider withdraws. Each form and page is checked with axe.
/// </summary>
public sealed partial class AppealJourneyTests : BrowserTest
{
    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task A_provider_files_an_informal_appeal_sees_its_deadline_first_and_follows_it_in_my_appeals()
    {
        // The representative acts for the demo provider, as its administrator invited them to.
        await DemoPortal.SignInAsync(Page, "providerrepresentative@demo.aims.example");
        await Page.GetByRole(AriaRole.Link, new() { Name = "My appeals" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "File an informal appeal" }).ClickAsync();

        await InformalAppealForm.NoticeAsync(Page, "Overpayment", agency: null, noticeDaysAgo: 5);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Check my deadline" }).ClickAsync();
        await Page.WaitForURLAsync("**/appeals/file/informal?handler=Check");
        (await Page.Locator("#window-heading").InnerTextAsync()).ShouldBe("Your filing deadline");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("the appeal is on time");
        await ShouldHaveNoAccessibilityViolationsAsync();

        await InformalAppealForm.DisputeAsync(Page, "OVP-2026-5521", "2,300.00", "The recovered claims were paid correctly.", "Reverse the recovery.");
        var caseNumber = await InformalAppealForm.FileAsync(Page);

        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Your appeal is filed");
        caseNumber.ShouldMatch(@"^PI-\d{4}-\d{6,}$");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "See the appeal" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("OVP-2026-5521");
        await ShouldHaveNoAccessibilityViolationsAsync();

        await Page.GotoAsync("/appeals");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain(caseNumber);
        await ShouldHaveNoAccessibilityViolationsAsync();
        (await DemoPortal.AwaitEmailAsync("providerrepresentative@demo.aims.example", $"Appeal {caseNumber} received")).TextBody.ShouldContain("filed on time");
    }

    [Test]
    public async Task A_client_asks_for_an_expedited_appeal_and_sees_the_working_day_deadline()
    {
        await DemoPortal.SignInAsync(Page, "clientappellant@demo.aims.example");
        await Page.GotoAsync("/appeals/file/client");
        (await Page.Locator("#expedited-criteria").InnerTextAsync()).ShouldContain("maximum function");

        await Page.Locator("#Form_ActionType").SelectOptionAsync("ServicesDenied");
        await Page.GetByLabel("Date on the notice").FillAsync(InformalAppealForm.Today(-2));
        await Page.GetByLabel("What happened and why you disagree").FillAsync("My wheelchair repair was denied.");
        await Page.Locator("label[for=Form_McoMember_no]").ClickAsync();
        await Page.Locator("label[for=Form_Expedited_yes]").ClickAsync();
        await Page.Locator("label[for=Form_ExpeditedTrack_Services]").ClickAsync();
        await Page.GetByLabel("How could waiting harm the appellant?").FillAsync("I cannot leave my home without it.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "File the appeal" }).ClickAsync();
        await Page.WaitForURLAsync("**/filed");

        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Your appeal is filed");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Expedited decision due");
        await Page.GetByRole(AriaRole.Link, new() { Name = "See the appeal" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Services: I cannot leave my home without it.");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [Test]
    public async Task A_bad_filing_shows_every_problem_at_the_top_and_beside_its_field()
    {
        await DemoPortal.SignInAsync(Page, "providerrepresentative@demo.aims.example");
        await Page.GotoAsync("/appeals/file/informal");
        await Page.GetByRole(AriaRole.Button, new() { Name = "File the appeal" }).ClickAsync();

        (await Page.Locator("#error-summary-heading").InnerTextAsync()).ShouldBe("There is a problem");
        (await Page.Locator("#Form_NoticeDate-error").InnerTextAsync()).ShouldContain("Enter the date on the notice of adverse action.");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [Test]
    public async Task A_provider_withdraws_an_appeal_after_confirming_and_it_moves_to_closed_cases()
    {
        await DemoPortal.SignInAsync(Page, "providerrepresentative@demo.aims.example");
        await Page.GotoAsync("/appeals");
        await Page.Locator("table.aims-appeals a").First.ClickAsync();
        var caseNumber = CaseNumber().Match(await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Value;
        await Page.GetByRole(AriaRole.Link, new() { Name = "Withdraw this appeal" }).ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByLabel("Why are you withdrawing?").FillAsync("Resolved with the contractor.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw the appeal" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/appeals/[0-9a-f-]{36}$"));

        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Appeal withdrawn: “Resolved with the contractor.”");
        await Page.GotoAsync("/appeals/closed");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain(caseNumber);
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [GeneratedRegex(@"[A-Z]{2}-\d{4}-\d{6,}")]
    private static partial Regex CaseNumber();
}
