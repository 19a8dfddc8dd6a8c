using Microsoft.Playwright;

namespace Aims.BrowserTests.Guides;

/// <summary>The agency guides' walks.</summary>
internal static partial class GuideWalks
{
    private static async Task RegisterAgencyAsync(GuideWalk walk)
    {
        var page = walk.Page;
        var email = $"coordinator.{Guid.NewGuid():N}@alleghany.example";
        const string agency = "Alleghany County Department of Social Services";
        await page.GotoAsync("/registration/agency");
        await RegistrationJourneyTests.FillAccessRequestAsync(page, agency, email);
        await walk.ShootAsync("request");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await page.WaitForURLAsync("**/registration/received");
        await walk.ShootAsync("received");

        var context = await PortalServer.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = DemoPortal.BaseUrl });
        var administrator = await context.NewPageAsync();
        await DemoPortal.SignInAsync(administrator, "appealsadministrator.demo@dmas.virginia.gov", staff: true);
        await administrator.GotoAsync("/admin/registrations");
        await administrator.GetByRole(AriaRole.Link, new() { Name = agency }).First.ClickAsync();
        await RegistrationJourneyTests.ApproveOpenRequestAsync(administrator);
        await context.CloseAsync();

        await page.GotoAsync(await RegistrationJourneyTests.ActivationPathAsync(email));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Blue-Ridge-Parkway-42!");
        await page.GetByLabel("Password again").FillAsync("Blue-Ridge-Parkway-42!");
        await walk.ShootAsync("activate");
    }

    private static async Task AgencyAppealsAsync(GuideWalk walk)
    {
        var page = walk.Page;
        var appeal = await SharedAppeal.Value;
        await DemoPortal.SignInAsync(page, Coordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "Agency appeals" }).First.ClickAsync();
        await walk.ShootAsync("list");
        await page.GotoAsync(appeal);
        await walk.ShootAsync("appeal", "#agency-owes");
    }

    private static async Task CaseSummaryAsync(GuideWalk walk)
    {
        var page = walk.Page;
        var appeal = await SharedAppeal.Value;
        await DemoPortal.SignInAsync(page, Coordinator);
        await page.GotoAsync(appeal);
        await page.GetByRole(AriaRole.Link, new() { Name = "File the case summary" }).ClickAsync();
        await page.GetByLabel("Facts and the documents relied on").FillAsync("The claim was denied because no prior authorization number was on file at the time of service.");
        await walk.ShootAsync("form");
        await page.GetByRole(AriaRole.Button, new() { Name = "File the summary" }).ClickAsync();
        await page.GetByText("The case summary on").WaitForAsync();
        await walk.ShootAsync("filed");
    }

    private static async Task AttendeesAsync(GuideWalk walk)
    {
        var page = walk.Page;
        var appeal = await SharedAppeal.Value;
        await DemoPortal.SignInAsync(page, Coordinator);
        await page.GotoAsync(appeal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Name the attendees" }).ClickAsync();
        await page.Locator("#Rows_0__Name").FillAsync("Dana Reviewer");
        await page.Locator("#Rows_0__Email").FillAsync("dana.reviewer@contractor.example");
        await walk.ShootAsync("form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save attendees" }).ClickAsync();
        await page.GetByText("agency attendee").First.WaitForAsync();
        await walk.ShootAsync("saved");
    }
}
