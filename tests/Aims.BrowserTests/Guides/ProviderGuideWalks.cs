using Aims.Testing;
using Microsoft.Playwright;

namespace Aims.BrowserTests.Guides;

/// <summary>The provider guides' walks.</summary>
internal static partial class GuideWalks
{
    private static async Task SignInAsync(GuideWalk walk)
    {
        // The representative has no mobile number on file, so the code comes by email.
        const string email = Provider;
        var page = walk.Page;
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Pat Jordan");
        await page.GetByLabel("Email address").FillAsync("pat.jordan@clinic.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Blue-Ridge-Parkway-42!");
        await page.GetByLabel("Password again").FillAsync("Blue-Ridge-Parkway-42!");
        await walk.ShootAsync("create-account");

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPortal.Password);
        await walk.ShootAsync("sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account/code?via=email");
        await page.GetByLabel("One-time code").FillAsync(await PortalSignIn.LatestCodeAsync(DemoPortal.ConnectionString, email));
        await walk.ShootAsync("code");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(DemoPortal.BaseUrl + "/");

        await page.GotoAsync("/account/profile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your providers" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create another provider profile" }).ClickAsync();
        await page.GetByLabel("NPI").FillAsync("1234567893");
        await page.GetByLabel("Provider or organization name").FillAsync("Blue Ridge Family Clinic");
        await walk.ShootAsync("provider-profile");
    }

    private static async Task FindYourWayAsync(GuideWalk walk)
    {
        var page = walk.Page;
        await DemoPortal.SignInAsync(page, Provider);
        await walk.ShootAsync("home", "header");
        await page.GetByRole(AriaRole.Link, new() { Name = "My appeals" }).First.ClickAsync();
        await walk.ShootAsync("my-appeals");
        await page.GotoAsync("/notifications");
        await walk.ShootAsync("notifications");
        await page.GotoAsync("/account/profile");
        await walk.ShootAsync("profile");
    }

    private static async Task InformalAppealAsync(GuideWalk walk)
    {
        await DemoPortal.SignInAsync(walk.Page, Provider);
        await FileInformalAppealAsync(walk.Page, "CLM-2026-4402", walk);
    }

    private static async Task FormalAppealAsync(GuideWalk walk)
    {
        var page = walk.Page;
        await DemoPortal.SignInAsync(page, Provider);
        await page.GotoAsync("/appeals/closed");
        await page.Locator("table.aims-appeals tbody tr", new() { HasText = "Decided" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await walk.ShootAsync("decision");
        await page.GetByRole(AriaRole.Link, new() { Name = "File a formal appeal" }).ClickAsync();
        await page.Locator("label[for=Form_DecisionReceivedBy_Email]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my deadline" }).ClickAsync();
        await page.Locator("#window-heading").WaitForAsync();
        await page.GetByLabel("Why the informal decision is wrong").FillAsync("The audit sample left out the claims the contractor had already paid back.");
        await page.GetByLabel("Contact phone").FillAsync("804-555-0100");
        await walk.ShootAsync("form", "#window-heading");
        await page.GetByRole(AriaRole.Button, new() { Name = "File the formal appeal" }).ClickAsync();
        await page.WaitForURLAsync("**/filed");
        await walk.ShootAsync("filed");
    }

    private static async Task MonitorAsync(GuideWalk walk)
    {
        var page = walk.Page;
        var appeal = await SharedAppeal.Value;
        await DemoPortal.SignInAsync(page, Provider);
        await page.GotoAsync("/appeals");
        await walk.ShootAsync("list");
        await page.GotoAsync(appeal);
        await walk.ShootAsync("detail");
    }

    private static async Task WithdrawAsync(GuideWalk walk)
    {
        var page = walk.Page;
        await DemoPortal.SignInAsync(page, Provider);
        var appeal = await FileInformalAppealAsync(page, "CLM-2026-4417", walk: null);
        await page.GotoAsync(appeal);
        await walk.ShootAsync("appeal");
        await page.GetByRole(AriaRole.Link, new() { Name = "Withdraw this appeal" }).ClickAsync();
        await page.GetByLabel("Why are you withdrawing?").FillAsync("Resolved with the contractor.");
        await walk.ShootAsync("confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw the appeal" }).ClickAsync();
        await page.WaitForURLAsync(DemoPortal.BaseUrl + appeal);
        await walk.ShootAsync("withdrawn");
    }

    private static async Task DocumentsAsync(GuideWalk walk)
    {
        var page = walk.Page;
        var appeal = await SharedAppeal.Value;
        await DemoPortal.SignInAsync(page, Provider);
        await page.GotoAsync(appeal);
        await page.GetByLabel("What are you sending?").SelectOptionAsync("Correspondence");
        await page.GetByLabel("Description (optional)").FillAsync("Prior authorization letter");
        await page.Locator("#files").SetInputFilesAsync(new FilePayload
        {
            Name = "prior authorization.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.7\n% prior authorization\n%%EOF\n"u8.ToArray(),
        });
        await walk.ShootAsync("choose", "#documents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        var documents = page.Locator("#documents table");
        await documents.GetByText("prior authorization.pdf").WaitForAsync();
        await walk.ShootAsync("uploaded", "#documents");
        var link = documents.GetByRole(AriaRole.Link, new() { Name = "prior authorization.pdf" });
        await link.HoverAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("prior authorization.pdf");
        await walk.ShootAsync("download", "#documents");
    }

    private static async Task ClosedCasesAsync(GuideWalk walk)
    {
        var page = walk.Page;
        await DemoPortal.SignInAsync(page, Provider);
        await page.GotoAsync("/appeals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Closed cases" }).First.ClickAsync();
        await walk.ShootAsync("list");
        await page.Locator("table.aims-appeals tbody tr", new() { HasText = "Decided" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await walk.ShootAsync("decision");
    }
}
