using System.Text.RegularExpressions;
using Aims.Testing;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// An agency's whole way in, in a real browser: the access request (bot check solved by the page's script), the
/// appeals administrator's approval, the activation link, sign-in with an emailed code, and the agency's appeals page.
/// </summary>
public sealed partial class RegistrationJourneyTests : BrowserTest
{
    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task Request_approve_activate_sign_in_and_see_the_agency_appeals_page()
    {
        var email = $"coordinator.{Guid.NewGuid():N}@roanoke.example";
        const string password = "Blue-Ridge-Parkway-42!";

        await Page.GotoAsync("/registration/agency");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await FillAccessRequestAsync(Page, "Roanoke City Department of Social Services", email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Page.WaitForURLAsync("**/registration/received");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Your request is pending review");
        await ShouldHaveNoAccessibilityViolationsAsync();

        await DemoPortal.SignInAsync(Page, "appealsadministrator.demo@dmas.virginia.gov", staff: true);
        await Page.GotoAsync("/admin/registrations");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roanoke City Department of Social Services" }).First.ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync();
        await ApproveOpenRequestAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Page.GotoAsync(await ActivationPathAsync(email));
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Password again").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Page.WaitForURLAsync("**/account/sign-in");

        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/account/code?via=email");
        await Page.GetByLabel("One-time code").FillAsync(await PortalSignIn.LatestCodeAsync(DemoPortal.ConnectionString, email));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Page.WaitForURLAsync(baseUrl + "/");
        await Page.GotoAsync("/account/profile");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Your agency's appeals" }).ClickAsync();
        var agencyPage = await Page.Locator("main").InnerTextAsync();
        agencyPage.ShouldContain("Roanoke City Department of Social Services");
        agencyPage.ShouldContain("No open appeals name your agency.");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    /// <summary>Fills the access request form on <paramref name="page"/> and waits for the bot check (the user guide walks this too).</summary>
    internal static async Task FillAccessRequestAsync(IPage page, string agencyName, string email)
    {
        await page.Locator("label[for=Form_AgencyType_ClientAgency]").ClickAsync();
        await page.GetByLabel("Agency or contractor name").FillAsync(agencyName);
        await page.GetByLabel("Street address").FillAsync("1510 Williamson Road NE");
        await page.GetByLabel("City").FillAsync("Roanoke");
        await page.GetByLabel("State").SelectOptionAsync("VA");
        await page.GetByLabel("ZIP code").FillAsync("24012");
        await page.GetByLabel("Your full name").FillAsync("Robin Hale");
        await page.GetByLabel("Work email address").FillAsync(email);
        await page.GetByLabel("Work phone number").FillAsync("540-853-2000");
        await page.GetByLabel("Name of your supervisor").FillAsync("Sam Ortiz");
        await page.GetByLabel("Phone number of your supervisor").FillAsync("540-853-2001");
        await page.Locator("label[for=Form_MayActForAgency]").ClickAsync();
        await page.GetByText("Check complete: you can send the form.").WaitForAsync();
    }

    /// <summary>On an open access request, the administrator approves it as a new agency.</summary>
    internal static async Task ApproveOpenRequestAsync(IPage page)
    {
        await page.Locator("label[for=Agency_new]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve and send the activation link" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/registrations");
    }

    /// <summary>The activation link's path from the approval email to <paramref name="email"/>.</summary>
    internal static async Task<string> ActivationPathAsync(string email)
    {
        var activation = await DemoPortal.AwaitEmailAsync(email, "Your AIMS access is approved");
        return new Uri(ActivationLink().Match(activation.TextBody).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/activate\?token=\S+")]
    private static partial Regex ActivationLink();
}
