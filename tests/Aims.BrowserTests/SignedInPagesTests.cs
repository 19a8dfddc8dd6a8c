using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>The pages behind sign-in, each opened by the role that uses it and checked with axe.</summary>
public sealed class SignedInPagesTests : BrowserTest
{
    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [TestCase("agencycoordinator@demo.aims.example", false, "/account/profile", "Your profile")]
    [TestCase("agencycoordinator@demo.aims.example", false, "/account/activity", "Recent sign-in activity")]
    [TestCase("agencycoordinator@demo.aims.example", false, "/account/change-password", "Change your password")]
    [TestCase("agencycoordinator@demo.aims.example", false, "/account/mobile", "Mobile number for sign-in codes")]
    [TestCase("agencycoordinator@demo.aims.example", false, "/account/email", "Change your email address")]
    [TestCase("agencycoordinator@demo.aims.example", false, "/account/api-tokens", "API tokens")]
    [TestCase("appealsadministrator.demo@dmas.virginia.gov", true, "/admin/staff", "Staff accounts")]
    [TestCase("appealsadministrator.demo@dmas.virginia.gov", true, "/admin/security-events", "Security events")]
    [TestCase("appealsadministrator.demo@dmas.virginia.gov", true, "/admin/operations", "Operations")]
    [TestCase("agencycoordinator@demo.aims.example", false, "/notifications", "Notifications")]
    [TestCase("agencycoordinator@demo.aims.example", false, "/notifications/preferences", "Email notifications")]
    [TestCase("clientappellant@demo.aims.example", false, "/client/representatives", "Your authorized representative")]
    public async Task Each_page_opens_for_its_role_and_meets_wcag_aa(string email, bool staff, string path, string heading)
    {
        await DemoPortal.SignInAsync(Page, email, staff);

        await Page.GotoAsync(path);

        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe(heading);
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [Test]
    public async Task Form_errors_on_the_token_and_staff_pages_meet_wcag_aa_too()
    {
        await DemoPortal.SignInAsync(Page, "appealsadministrator.demo@dmas.virginia.gov", staff: true);
        await Page.GotoAsync("/admin/staff");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Enter the person's full name.");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }
}
