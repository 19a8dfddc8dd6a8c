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
        await Page.Locator("label[for=Form_AgencyType_ClientAgency]").ClickAsync();
        await Page.GetByLabel("Agency or contractor name").FillAsync("Roanoke City Department of Social Services");
        await Page.GetByLabel("Street address").FillAsync("1510 Williamson Road NE");
        await Page.GetByLabel("City").FillAsync("Roanoke");
        await Page.GetByLabel("State").SelectOptionAsync("VA");
        await Page.GetByLabel("ZIP code").FillAsync("24012");
        await Page.GetByLabel("Your full name").FillAsync("Robin Hale");
        await Page.GetByLabel("Work email address").FillAsync(email);
        await Page.GetByLabel("Work phone number").FillAsync("540-853-2000");
        await Page.GetByLabel("Name of your supervisor").FillAsync("Sam Ortiz");
        await Page.GetByLabel("Phone number of your supervisor").FillAsync("540-853-2001");
        await Page.Locator("label[for=Form_MayActForAgency]").ClickAsync();
        await Page.GetByText("Check complete: you can send the form.").WaitForAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Page.WaitForURLAsync("**/registration/received");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Your request is pending review");
        await ShouldHaveNoAccessibilityViolationsAsync();

        await DemoPortal.SignInAsync(Page, "appealsadministrator.demo@dmas.virginia.gov", staff: true);
        await Page.GotoAsync("/admin/registrations");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Roanoke City Department of Social Services" }).First.ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.Locator("label[for=Agency_new]").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve and send the activation link" }).ClickAsync();
        await Page.WaitForURLAsync("**/admin/registrations");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        var activation = await DemoPortal.AwaitEmailAsync(email, "Your AIMS access is approved");
        await Page.GotoAsync(new Uri(ActivationLink().Match(activation.TextBody).Value).PathAndQuery);
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

    [GeneratedRegex(@"https?://\S+/account/activate\?token=\S+")]
    private static partial Regex ActivationLink();
}
