using System.Globalization;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>
/// The informal appeal form as a provider fills it in, in the parts the journeys and the guide walks stop between
/// (to check the deadline, run axe or take a screenshot).
/// </summary>
internal static class InformalAppealForm
{
    /// <summary>A New York date <paramref name="plusDays"/> from today, as the date fields take it.</summary>
    public static string Today(int plusDays) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).AddDays(plusDays)
            .ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The notice part: the provider, the action, the agency that took it (its default when null), the notice received by email.</summary>
    public static async Task NoticeAsync(IPage page, string actionType, string? agency, int noticeDaysAgo)
    {
        await page.Locator("#Form_ProviderId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Form_ActionType").SelectOptionAsync(actionType);
        if (agency is not null)
        {
            await page.Locator("#Form_AgencyId").SelectOptionAsync(new SelectOptionValue { Label = agency });
        }

        await page.Locator("#Form_NoticeDate").FillAsync(Today(-noticeDaysAgo));
        await page.Locator("label[for=Form_ReceivedBy_Email]").ClickAsync();
    }

    /// <summary>The dispute part, not first decided by an MCO.</summary>
    public static async Task DisputeAsync(IPage page, string reference, string amount, string why, string outcome)
    {
        await page.Locator("label[for=Form_FromMco_no]").ClickAsync();
        await page.GetByLabel("Claim number or adjustment reference").FillAsync(reference);
        await page.GetByLabel("Amount in dispute ($)").FillAsync(amount);
        await page.GetByLabel("Why you dispute it").FillAsync(why);
        await page.GetByLabel("The outcome you want").FillAsync(outcome);
        await page.GetByLabel("Contact phone").FillAsync("804-555-0100");
    }

    /// <summary>Files it and waits for the confirmation page.</summary>
    /// <returns>The case number the confirmation shows.</returns>
    public static async Task<string> FileAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "File the appeal" }).ClickAsync();
        await page.WaitForURLAsync("**/filed");
        return await page.Locator("#case-number").InnerTextAsync();
    }
}
