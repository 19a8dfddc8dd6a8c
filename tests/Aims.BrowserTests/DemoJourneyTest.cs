using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// A journey on the demo portal through the division: each person in a browser of their own, starting from the
/// informal appeal the demo provider representative files on this test's page.
/// </summary>
public abstract partial class DemoJourneyTest : BrowserTest
{
    protected static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    /// <summary>Someone else, signed in in a browser of their own (the test closes its context).</summary>
    protected async Task<IPage> AsAsync(string email, bool staff = false)
    {
        var context = await PortalServer.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await DemoPortal.SignInAsync(page, email, staff);
        return page;
    }

    /// <summary>The provider representative files an informal appeal of a claim denial noticed 3 days ago: its case number and path.</summary>
    protected async Task<(string CaseNumber, string Path)> FileClaimDenialAsync(string claim, string amount)
    {
        await DemoPortal.SignInAsync(Page, "providerrepresentative@demo.aims.example");
        await Page.GotoAsync("/appeals/file/informal");
        await InformalAppealForm.NoticeAsync(Page, "ClaimDenial", "Demo Provider Audit Contractor", noticeDaysAgo: 3);
        await InformalAppealForm.DisputeAsync(Page, claim, amount, "The service was authorized.", "Pay the claim.");
        var caseNumber = await InformalAppealForm.FileAsync(Page);
        return (caseNumber, AppealPath().Match(Page.Url).Value);
    }

    protected static string Day(DateTimeOffset at) => at.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/appeals/[0-9a-f-]{36}")]
    private static partial Regex AppealPath();
}
