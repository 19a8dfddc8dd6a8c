using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// Asking the division for a new date and the division answering, and the idle warning that saves a long form first
/// (ADR 0038); each new page checked with axe in English and Spanish.
/// </summary>
public sealed class DivisionRequestJourneyTests : DemoJourneyTest
{
    [Test]
    public async Task A_provider_asks_for_a_new_conference_date_and_the_case_worker_grants_it()
    {
        var (caseNumber, appeal) = await FileClaimDenialAsync("CLM-2026-7101", "410.00");

        var worker = await AsAsync("caseworker.demo@dmas.virginia.gov", staff: true);
        await worker.GotoAsync("/staff" + appeal + "/docket");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Docket the appeal" }).ClickAsync();
        await worker.GetByRole(AriaRole.Link, new() { Name = "Schedule the informal fact-finding conference" }).ClickAsync();
        var conference = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Eastern).AddDays(10);
        await worker.GetByLabel("Date").FillAsync(Day(conference));
        await worker.GetByLabel("Time (New York)").FillAsync("10:00 AM");
        await worker.Locator("label[for=Form_Channel_Telephone]").ClickAsync();
        await worker.GetByLabel("How to join").FillAsync("Call 804-555-0100, code 7101.");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Schedule and send the notice" }).ClickAsync();

        await Page.GotoAsync(appeal);
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Ask for a new date") }).ClickAsync();
        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe($"Ask for a new date: appeal {caseNumber}");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send to the Appeals Division" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Say what you are asking for and why.");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByLabel("Why do you need a new date?").FillAsync("Our billing manager, the only witness, is in surgery that day.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send to the Appeals Division" }).ClickAsync();
        (await Page.Locator("#request-list").InnerTextAsync()).ShouldContain("Waiting for the Appeals Division's answer.");
        await ShouldHaveNoAccessibilityViolationsAsync();

        // The same pages in Spanish.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).WaitForAsync();
        await Page.GotoAsync(appeal);
        (await Page.Locator("#requests").InnerTextAsync()).ShouldBe("Solicitudes a la División de Apelaciones");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GotoAsync(appeal + "/ask/new-date");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Su solicitud del");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await worker.GotoAsync(appeal);
        await worker.GetByRole(AriaRole.Link, new() { Name = "Grant or refuse" }).ClickAsync();
        await ShouldHaveNoAccessibilityViolationsAsync(worker);
        await worker.Locator("label[for=Granted_true]").ClickAsync();
        await worker.GetByLabel("The reason, as the appellant will read it").FillAsync("Surgery is a good reason; a new date follows.");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        (await worker.Locator("main").InnerTextAsync()).ShouldContain($"The request on {caseNumber} is granted; the appellant is told.");
        (await DemoPortal.AwaitEmailAsync("providerrepresentative@demo.aims.example", $"Your request on appeal {caseNumber} is granted")).TextBody
            .ShouldContain("Surgery is a good reason");
        await worker.Context.CloseAsync();
    }

    [Test]
    public async Task Two_minutes_before_the_idle_sign_out_the_form_is_saved_as_a_draft_and_the_person_may_stay_signed_in()
    {
        await DemoPortal.SignInAsync(Page, "providerrepresentative@demo.aims.example");
        // The page's own clock runs fast; the server's session is real, so "Stay signed in" really asks it.
        await Page.Clock.InstallAsync();
        await Page.GotoAsync("/appeals/file/informal");
        await InformalAppealForm.NoticeAsync(Page, "Overpayment", agency: null, noticeDaysAgo: 4);
        await Page.GetByLabel("Claim number or adjustment reference").FillAsync("OVP-2026-7102");

        await Page.Clock.FastForwardAsync((long)TimeSpan.FromMinutes(28).Add(TimeSpan.FromSeconds(1)).TotalMilliseconds);
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Heading, new() { Name = "Your session is about to end" }).WaitForAsync();
        (await dialog.InnerTextAsync()).ShouldContain("We saved your draft.");
        Page.Url.ShouldContain("draft=");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        // The draft is one: saving again from the form keeps the same draft, and it holds what was typed.
        var draft = Regex.Match(Page.Url, "draft=([0-9a-f-]{36})").Groups[1].Value;
        await Page.GotoAsync("/appeals");
        (await Page.Locator("main").InnerHTMLAsync()).ShouldContain($"draft={draft}");
        await Page.GotoAsync($"/appeals/file/informal?draft={draft}");
        (await Page.GetByLabel("Claim number or adjustment reference").InputValueAsync()).ShouldBe("OVP-2026-7102");

        // In Spanish, unchanged since the last save: the warning comes, without saving again.
        // The switch reloads the page: wait for it, or the next navigation aborts that reload (a failed request).
        await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).WaitForAsync();
        await Page.GotoAsync($"/appeals/file/informal?draft={draft}");
        await Page.Clock.FastForwardAsync((long)TimeSpan.FromMinutes(28).Add(TimeSpan.FromSeconds(1)).TotalMilliseconds);
        await dialog.GetByRole(AriaRole.Heading, new() { Name = "Su sesión está por terminar" }).WaitForAsync();
        (await Page.Locator("#session-timeout-draft").IsHiddenAsync()).ShouldBeTrue();
        await ShouldHaveNoAccessibilityViolationsAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Seguir conectado" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).WaitForAsync();
    }
}
