using System.Text.RegularExpressions;
using Aims.Testing;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>The account pages in a real browser: the whole sign-up → confirm → sign-in journey, and each page's accessibility.</summary>
public sealed partial class AccountPagesTests : BrowserTest
{
    [Test]
    public async Task Sign_up_confirm_the_address_then_sign_in_with_the_emailed_code()
    {
        var email = $"jo.{Guid.NewGuid():N}@familyclinic.example";
        const string password = "Willow-Creek-Bridge-6!";

        await Page.GotoAsync("/account/sign-up");
        await Page.GetByLabel("Full name").FillAsync("Jo Example");
        await Page.GetByLabel("Email address").FillAsync(email);
        // USWDS hides the native radio behind its styled label, which is what a person clicks.
        await Page.Locator("label[for=Form_Role_ProviderUser]").ClickAsync();
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Password again").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Check your email");
        await ShouldHaveNoAccessibilityViolationsAsync();

        var confirmation = (await OutboxReader.EmailsToAsync(PortalServer.ConnectionString, email)).Single(e => e.Subject.Contains("Confirm")).TextBody;
        var link = new Uri(Link().Match(confirmation).Value);
        await Page.GotoAsync(link.PathAndQuery);
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email address" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Your email address is confirmed.");

        await Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "sign in to AIMS", Exact = true }).ClickAsync();
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Page.WaitForURLAsync("**/account/code?via=email");
        var codePage = await Page.Locator("main").InnerTextAsync();
        codePage.ShouldContain("no-reply@aims.dmas.virginia.gov");
        codePage.ShouldContain("spam");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByLabel("One-time code").FillAsync(await PortalSignIn.LatestCodeAsync(PortalServer.ConnectionString, email));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Page.WaitForURLAsync(PortalServer.BaseUrl + "/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain(email);
        await ShouldHaveNoAccessibilityViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/account/sign-in");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("You are signed out.");
    }

    [TestCase("/account/sign-in")]
    [TestCase("/staff/sign-in")]
    [TestCase("/account/forgot-password")]
    [TestCase("/account/locked")]
    public async Task Account_page_passes_axe_and_names_the_helpline(string path)
    {
        (await Page.GotoAsync(path))!.Status.ShouldBe(200);

        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Call the AIMS helpline at 804-486-2865");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [Test]
    public async Task Sign_up_with_every_field_wrong_shows_each_message_beside_its_field_and_passes_axe()
    {
        await Page.GotoAsync("/account/sign-up");
        await Page.GetByLabel("Email address").FillAsync("not-an-email");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Password1234!");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        (await Page.Locator("#Form_Email-error").InnerTextAsync()).ShouldContain("Enter an email address like name@example.com.");
        (await Page.Locator("#Form_Password-error").InnerTextAsync()).ShouldContain("too common");
        (await Page.Locator("#Form_Password").GetAttributeAsync("aria-describedby"))!.ShouldContain("Form_Password-error");
        (await Page.Locator(".usa-alert--error").InnerTextAsync()).ShouldContain("There is a problem");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-email\S+")]
    private static partial Regex Link();
}
