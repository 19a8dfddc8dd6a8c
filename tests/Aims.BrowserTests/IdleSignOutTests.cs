using System.Text.RegularExpressions;
using Aims.Testing;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// The idle sign-out warning in real time on a portal of its own with a short session (40 seconds idle, so the
/// warning comes at 20 seconds instead of two minutes before the 30): the warning really appears, the filing form is
/// saved as a draft when it does, "Stay signed in" carries the session past the idle limit, and a page left alone is
/// signed out at it (WCAG 2.2.1 Timing Adjustable; ADR 0038). The fast-clock test in
/// <see cref="DivisionRequestJourneyTests"/> covers the dialog's words and Spanish.
/// </summary>
public sealed partial class IdleSignOutTests : BrowserTest
{
    private const string Provider = "providerrepresentative@demo.aims.example";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(40);
    private AimsAppFactory? portal;
    private string baseUrl = "";
    private string connectionString = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() =>
        (portal, baseUrl, connectionString) = await DemoPortal.StartOwnAsync(
            "aims_test_browser_idle", new Dictionary<string, string?> { ["Aims:Identity:Sessions:IdleTimeout"] = Idle.ToString() });

    [OneTimeTearDown]
    public async Task StopPortalAsync()
    {
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }
    }

    [Test]
    public async Task The_warning_saves_the_form_and_staying_signed_in_outlasts_the_limit_that_signs_out_a_page_left_alone()
    {
        // Loaded in this order, so that by the form's limit every other page's has passed too.
        var leftAlone = await SignedInPageAsync();
        await leftAlone.GotoAsync("/appeals");
        var stays = await SignedInPageAsync();
        await stays.GotoAsync("/appeals");
        await DemoPortal.SignInAsync(Page, Provider, connectionString: connectionString);
        await Page.GotoAsync("/appeals/file/informal");
        var limit = DateTime.UtcNow + Idle;
        await InformalAppealForm.NoticeAsync(Page, "Overpayment", agency: null, noticeDaysAgo: 4);
        await Page.GetByLabel("Claim number or adjustment reference").FillAsync("OVP-2026-7202");

        // The warning comes with the form already saved as a draft; nothing is saved on a page without a form.
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Heading, new() { Name = "Your session is about to end" }).WaitForAsync(new() { Timeout = 30_000 });
        (await dialog.InnerTextAsync()).ShouldContain("We saved your draft.");
        var draft = DraftId().Match(Page.Url).Groups[1].Value;
        draft.ShouldNotBeEmpty();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        var warned = stays.GetByRole(AriaRole.Dialog);
        await warned.GetByRole(AriaRole.Heading, new() { Name = "Your session is about to end" }).WaitForAsync(new() { Timeout = 30_000 });
        (await stays.Locator("#session-timeout-draft").IsHiddenAsync()).ShouldBeTrue();
        await warned.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();

        // Past the limit: the page left alone went to sign in and its session is over; the two that stayed are signed in.
        await leftAlone.WaitForURLAsync("**/account/sign-in?ReturnUrl=*", new() { Timeout = 60_000 });
        var rest = limit + TimeSpan.FromSeconds(3) - DateTime.UtcNow;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        await leftAlone.GotoAsync("/appeals");
        new Uri(leftAlone.Url).AbsolutePath.ShouldBe("/account/sign-in");
        Page.Url.ShouldContain($"draft={draft}");
        await stays.GotoAsync("/appeals");
        new Uri(stays.Url).AbsolutePath.ShouldBe("/appeals");
        await Page.GotoAsync("/appeals");
        new Uri(Page.Url).AbsolutePath.ShouldBe("/appeals");
        (await Page.Locator("main").InnerHTMLAsync()).ShouldContain($"draft={draft}");

        await leftAlone.Context.CloseAsync();
        await stays.Context.CloseAsync();
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var context = await PortalServer.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await DemoPortal.SignInAsync(page, Provider, connectionString: connectionString);
        return page;
    }

    [GeneratedRegex("draft=([0-9a-f-]{36})")]
    private static partial Regex DraftId();
}
