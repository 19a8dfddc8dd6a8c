using Aims.BuildingBlocks.Validation;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// An NPI claim as the browser shows it (ADR 0029): the claimant's provider page saying the NPI waits for verification,
/// the review queue and the claim's page, and the denial the claimant then reads — each page checked with axe.
/// </summary>
public sealed class IdentityClaimJourneyTests : BrowserTest
{
    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task A_new_npi_waits_in_the_review_queue_and_the_claimant_reads_the_denial()
    {
        // A fresh valid NPI each run; the claim is denied at the end, so the demo representative can still file for the seeded provider only.
        var stem = "17" + Random.Shared.Next(0, 10_000_000).ToString("D7");
        var npi = Enumerable.Range(0, 10).Select(d => stem + d).First(Npi.IsValid);
        await DemoPortal.SignInAsync(Page, "providerrepresentative@demo.aims.example");
        await Page.GotoAsync("/providers/new");
        await Page.GetByLabel("NPI").FillAsync(npi);
        await Page.GetByLabel("Provider or organization name").FillAsync("Shenandoah Claim Clinic");
        await Page.GetByLabel("Virginia Medicaid provider ID").FillAsync("A7654321");
        await Page.GetByLabel("Street address").FillAsync("5 Court Square");
        await Page.GetByLabel("City").FillAsync("Harrisonburg");
        await Page.GetByLabel("State").SelectOptionAsync("VA");
        await Page.GetByLabel("ZIP code").FillAsync("22802");
        await Page.GetByLabel("Contact person").FillAsync("Dana Wu");
        await Page.GetByLabel("Contact phone number").FillAsync("540-555-0190");
        await Page.GetByLabel("Contact email address").FillAsync("dana.wu@claimclinic.example");
        await Page.Locator("label[for=Form_InMcoNetwork_false]").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the profile" }).ClickAsync();
        await Page.WaitForURLAsync("**/providers/*-*");
        var providerUrl = Page.Url;
        (await Page.Locator("#claim-status").InnerTextAsync()).ShouldContain("NPI waiting for verification");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await DemoPortal.SignInAsync(Page, "appealsadministrator.demo@dmas.virginia.gov", staff: true);
        await Page.GotoAsync("/admin/claims");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = npi }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("providerrepresentative@demo.aims.example");
        await ShouldHaveNoAccessibilityViolationsAsync();
        await Page.GetByLabel("Reason (the claimant reads this)").FillAsync("Our records name another organization for this NPI.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Deny the claim" }).ClickAsync();
        (await Page.Locator("#claim-state").InnerTextAsync()).ShouldContain("Denied");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await DemoPortal.SignInAsync(Page, "providerrepresentative@demo.aims.example");
        await Page.GotoAsync(providerUrl);
        (await Page.Locator("#claim-status").InnerTextAsync()).ShouldContain("Reason: Our records name another organization for this NPI.");
        await ShouldHaveNoAccessibilityViolationsAsync();
    }
}
