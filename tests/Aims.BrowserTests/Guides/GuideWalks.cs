using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Aims.BrowserTests.Guides;

/// <summary>
/// How each guide is walked, by the guide's slug. Provider guides act as the demo provider representative, agency
/// guides as the demo agency coordinator; appeals the walks change are filed by the walks themselves.
/// </summary>
internal static partial class GuideWalks
{
    public const string Provider = "providerrepresentative@demo.aims.example";

    public const string Coordinator = "agencycoordinator@demo.aims.example";

    /// <summary>The agency the guides' appeals name, so the demo coordinator sees them.</summary>
    private const string Agency = "Demo Provider Audit Contractor";

    public static IReadOnlyDictionary<string, Func<GuideWalk, Task>> All { get; } = new Dictionary<string, Func<GuideWalk, Task>>
    {
        ["sign-in"] = SignInAsync,
        ["find-your-way"] = FindYourWayAsync,
        ["informal-appeal"] = InformalAppealAsync,
        ["formal-appeal"] = FormalAppealAsync,
        ["monitor"] = MonitorAsync,
        ["withdraw"] = WithdrawAsync,
        ["documents"] = DocumentsAsync,
        ["closed-cases"] = ClosedCasesAsync,
        ["register-agency"] = RegisterAgencyAsync,
        ["agency-appeals"] = AgencyAppealsAsync,
        ["case-summary"] = CaseSummaryAsync,
        ["attendees"] = AttendeesAsync,
    };

    /// <summary>One open appeal naming the demo agency, filed once for the guides that only look at or add to it.</summary>
    private static readonly Lazy<Task<string>> SharedAppeal = new(async () =>
    {
        var context = await PortalServer.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = DemoPortal.BaseUrl });
        try
        {
            var page = await context.NewPageAsync();
            await DemoPortal.SignInAsync(page, Provider);
            return await FileInformalAppealAsync(page, "CLM-2026-4410", walk: null);
        }
        finally
        {
            await context.CloseAsync();
        }
    });

    /// <summary>Files an informal appeal through the form, shooting the informal appeal guide's steps when <paramref name="walk"/> is given.</summary>
    /// <returns>The appeal's path (/appeals/{id}).</returns>
    private static async Task<string> FileInformalAppealAsync(IPage page, string reference, GuideWalk? walk)
    {
        await page.GotoAsync("/appeals");
        await page.GetByRole(AriaRole.Link, new() { Name = "File an informal appeal" }).ClickAsync();
        await InformalAppealForm.NoticeAsync(page, "ClaimDenial", Agency, noticeDaysAgo: 5);
        await Shoot(walk, "start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my deadline" }).ClickAsync();
        await page.WaitForURLAsync("**/appeals/file/informal?handler=Check");
        await Shoot(walk, "deadline", "#window-heading");
        await InformalAppealForm.DisputeAsync(page, reference, "1,250.00", "The service was authorized before it was given.", "Pay the claim as billed.");
        await Shoot(walk, "details", "#Form_FromMco_no >> xpath=ancestor::fieldset[1]");
        await InformalAppealForm.FileAsync(page);
        await Shoot(walk, "filed");
        return AppealPath().Match(page.Url).Value;
    }

    private static Task Shoot(GuideWalk? walk, string step, string? from = null) => walk?.ShootAsync(step, from) ?? Task.CompletedTask;

    [GeneratedRegex(@"/appeals/[0-9a-f-]{36}")]
    private static partial Regex AppealPath();
}
