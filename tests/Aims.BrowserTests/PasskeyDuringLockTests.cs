using Microsoft.Playwright;
using Npgsql;

namespace Aims.BrowserTests;

/// <summary>
/// ADR 0031: an address locked by anyone's wrong passwords still signs in with its owner's passkey (the demo trading
/// partner's, on Chromium's virtual authenticator).
/// </summary>
public sealed class PasskeyDuringLockTests : BrowserTest
{
    private const string Email = "tradingpartner@demo.aims.example";

    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task A_locked_account_still_signs_in_with_its_passkey_and_the_password_stays_locked()
    {
        await AddVirtualAuthenticatorAsync();
        await DemoPortal.SignInAsync(Page, Email);
        await Page.GotoAsync("/account/passkeys");
        await Page.GetByLabel("Name for this passkey").FillAsync("Office desktop");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Page.GetByText("Passkey \"Office desktop\" added.").WaitForAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync("**/account/sign-in");

        try
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await Page.GotoAsync("/account/sign-in");
                await Page.GetByLabel("Email address").FillAsync(Email);
                await Page.GetByLabel("Password").FillAsync("Someone-Guessing-01!");
                await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
                if (attempt < 3)
                {
                    await Page.GetByText("The email address or password is not right.").WaitForAsync();
                }
            }

            await Page.WaitForURLAsync("**/account/locked");
            await ShouldHaveNoAccessibilityViolationsAsync();
            await Page.GetByRole(AriaRole.Link, new() { Name = "sign in with your passkey" }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Use my passkey" }).ClickAsync();
            await Page.WaitForURLAsync(baseUrl + "/");
            await Page.GotoAsync("/account/profile");
            (await Page.Locator("main").InnerTextAsync()).ShouldContain(Email);

            // The password is still being guessed: it stays locked for the rest of the 30 minutes.
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
            await Page.WaitForURLAsync("**/account/sign-in");
            await Page.GetByLabel("Email address").FillAsync(Email);
            await Page.GetByLabel("Password").FillAsync(DemoPortal.Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Page.WaitForURLAsync("**/account/locked");
        }
        finally
        {
            await using var connection = new NpgsqlConnection(DemoPortal.ConnectionString);
            await connection.OpenAsync();
            await using var unlock = new NpgsqlCommand("DELETE FROM identity.sign_in_failures WHERE normalized_email = upper(@email)", connection);
            unlock.Parameters.AddWithValue("email", Email);
            await unlock.ExecuteNonQueryAsync();
        }
    }
}
