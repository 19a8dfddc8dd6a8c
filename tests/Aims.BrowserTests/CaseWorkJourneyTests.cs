using System.Globalization;
using Aims.Testing;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// One informal appeal through the whole division, each person in their own browser: filed, docketed, assigned,
/// scheduled, summarized by the agency, decided, found under "Closed cases" with its PDF; staff pages checked with axe.
/// </summary>
public sealed class CaseWorkJourneyTests : DemoJourneyTest
{
    [Test]
    public async Task An_informal_appeal_goes_from_intake_to_a_decision_and_the_provider_sees_it_closed()
    {
        var (caseNumber, appeal) = await FileClaimDenialAsync("CLM-2026-7001", "1,250.00");

        var worker = await AsAsync("caseworker.demo@dmas.virginia.gov", staff: true);
        await worker.GetByRole(AriaRole.Link, new() { Name = "Intake", Exact = true }).ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync(worker);
        await worker.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync(worker);
        await worker.GetByRole(AriaRole.Link, new() { Name = "Docket" }).ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync(worker);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Docket the appeal" }).ClickAsync();
        (await worker.Locator("main").InnerTextAsync()).ShouldContain($"{caseNumber} is docketed.");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Assign" }).ClickAsync();
        await worker.Locator("label[for=Role_InformalAppealsAgent]").ClickAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Show people for this role" }).ClickAsync();
        await worker.Locator("#AssigneeId").SelectOptionAsync(new SelectOptionValue { Label = "Demo InformalAppealsAgent" });
        await ShouldHaveNoAccessibilityViolationsAsync(worker);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        (await worker.Locator("main").InnerTextAsync()).ShouldContain("Demo InformalAppealsAgent is the informal appeals agent");

        // The conference is set two minutes ahead, so it has been held by the time the agent decides; the summary,
        // due five business days before it, is therefore late and marked so.
        var agent = await AsAsync("informalappealsagent.demo@dmas.virginia.gov", staff: true);
        var conference = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Eastern).AddMinutes(2);
        await agent.GotoAsync(appeal);
        await agent.GetByRole(AriaRole.Link, new() { Name = "Schedule the informal fact-finding conference" }).ClickAsync();
        await agent.GetByLabel("Date").FillAsync(Day(conference));
        await agent.GetByLabel("Time (New York)").FillAsync(conference.ToString("h:mm tt", CultureInfo.InvariantCulture));
        await agent.Locator("label[for=Form_Channel_Video]").ClickAsync();
        await agent.GetByLabel("How to join").FillAsync("https://meet.example/iffc-7001");
        await ShouldHaveNoAccessibilityViolationsAsync(agent);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Schedule and send the notice" }).ClickAsync();
        (await agent.Locator("#hearing + dl").InnerTextAsync()).ShouldContain("https://meet.example/iffc-7001");

        var coordinator = await AsAsync("agencycoordinator@demo.aims.example");
        await coordinator.GotoAsync(appeal);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "File the case summary" }).ClickAsync();
        await coordinator.GetByLabel("Facts and the documents relied on").FillAsync("The claim lacked a prior authorization number.");
        await ShouldHaveNoAccessibilityViolationsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "File the summary" }).ClickAsync();
        (await coordinator.Locator("main").InnerTextAsync()).ShouldContain($"The case summary on {caseNumber} is filed, after its due date");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Name the attendees" }).ClickAsync();
        await coordinator.Locator("#Rows_0__Name").FillAsync("Dana Auditor");
        await coordinator.Locator("#Rows_0__Email").FillAsync("dana.auditor@contractor.example");
        await ShouldHaveNoAccessibilityViolationsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save attendees" }).ClickAsync();
        (await DemoPortal.AwaitEmailAsync("dana.auditor@contractor.example", "Informal fact-finding conference scheduled")).TextBody.ShouldContain("https://meet.example/iffc-7001");

        var held = conference.AddSeconds(5 - conference.Second) - TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Eastern);
        if (held > TimeSpan.Zero)
        {
            await Task.Delay(held);
        }

        await agent.GotoAsync(appeal);
        await agent.GetByRole(AriaRole.Link, new() { Name = "Issue the informal decision" }).ClickAsync();
        await agent.Locator("label[for=Form_Outcome_Reversed]").ClickAsync();
        await agent.GetByLabel("Decision").FillAsync("The authorization was on file; the denial is reversed.");
        await ShouldHaveNoAccessibilityViolationsAsync(agent);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Issue the decision" }).ClickAsync();
        (await agent.Locator("main").InnerTextAsync()).ShouldContain($"The informal decision on {caseNumber} is issued");

        await Page.GotoAsync("/appeals/closed");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain(caseNumber);
        await Page.GetByRole(AriaRole.Link, new() { Name = caseNumber }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Informal decision of");
        // Fetched with the provider's session rather than clicked: a download aborts the page's request by design.
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = "Download the decision (PDF)" }).GetAttributeAsync("href");
        var pdf = await Page.APIRequest.GetAsync(href!);
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        PdfText.Extract(await pdf.BodyAsync()).ShouldContain("the denial is reversed");

        await worker.GotoAsync("/staff/deadlines");
        await ShouldHaveNoAccessibilityViolationsAsync(worker);
        await worker.GotoAsync($"/staff/search?Search.Text={caseNumber}");
        (await worker.Locator("main").InnerTextAsync()).ShouldContain("Decided");
        await ShouldHaveNoAccessibilityViolationsAsync(worker);
        foreach (var page in new[] { worker, agent, coordinator })
        {
            await page.Context.CloseAsync();
        }
    }
}
