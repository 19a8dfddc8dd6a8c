using Aims.Testing;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// Passkeys end to end on Chromium's virtual authenticator: register, sign in with it alone, remove it and see it
/// refused. Browses http://localhost, as browsers refuse an IP address as relying party.
/// </summary>
public sealed class PasskeyTests : BrowserTest
{
    private const string Email = "clientappellant@demo.aims.example";

    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task Register_a_passkey_then_sign_in_with_it_alone_and_after_removing_it_it_is_refused()
    {
        await AddVirtualAuthenticatorAsync();

        await SignInWithPasswordAndCodeAsync();
        await Page.GotoAsync("/account/passkeys");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("You have no passkeys yet.");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByLabel("Name for this passkey").FillAsync("Test laptop");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Page.GetByText("Passkey \"Test laptop\" added.").WaitForAsync();
        (await Page.Locator("table").InnerTextAsync()).ShouldContain("Test laptop");
        await ShouldHaveNoAccessibilityViolationsAsync();
        (await OutboxReader.EmailsToAsync(DemoPortal.ConnectionString, Email)).ShouldContain(e => e.Subject == "A passkey was added to your AIMS account");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/account/sign-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a passkey instead" }).ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Use my passkey" }).ClickAsync();
        await Page.WaitForURLAsync(baseUrl + "/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain(Email);

        await Page.GotoAsync("/account/passkeys");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Remove Test laptop" }).ClickAsync();
        await Page.GetByText("Passkey removed.").WaitForAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/account/sign-in");

        // The authenticator still holds the key, but the portal no longer knows it.
        await Page.GotoAsync("/account/passkey-sign-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Use my passkey" }).ClickAsync();
        await Page.GetByText("That passkey was not accepted.").WaitForAsync();
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).CountAsync()).ShouldBe(1);
    }

    private Task SignInWithPasswordAndCodeAsync() => DemoPortal.SignInAsync(Page, Email);
}
