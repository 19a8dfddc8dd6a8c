using System.Text;
using Microsoft.Playwright;

namespace Aims.BrowserTests;

/// <summary>A provider adds two documents to an appeal with the page's progress bars, then downloads one.</summary>
public sealed class DocumentJourneyTests : BrowserTest
{
    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task A_provider_uploads_two_files_with_progress_bars_and_downloads_one()
    {
        var letter = Encoding.ASCII.GetBytes("%PDF-1.7\n% browser journey letter " + Guid.NewGuid() + "\n%%EOF\n");
        var note = Encoding.UTF8.GetBytes("Call notes " + Guid.NewGuid() + "\n");
        await DemoPortal.SignInAsync(Page, "providerrepresentative@demo.aims.example");
        await Page.GotoAsync("/appeals");
        await Page.Locator("table.aims-appeals a").First.ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/appeals/[0-9a-f-]{36}$"));
        var appeal = Page.Url;

        await Page.GetByLabel("What are you sending?").SelectOptionAsync("Correspondence");
        await Page.GetByLabel("Description (optional)").FillAsync("Letters exchanged with the contractor");
        await Page.Locator("#files").SetInputFilesAsync(
        [
            new FilePayload { Name = "contractor letter.pdf", MimeType = "application/pdf", Buffer = letter },
            new FilePayload { Name = "call notes.txt", MimeType = "text/plain", Buffer = note },
        ]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        // One bar per file while they go; the page reloads when both are in.
        await Page.Locator("[data-aims-upload-progress] progress").Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var documents = Page.Locator("#documents table");
        await documents.GetByText("contractor letter.pdf").WaitForAsync();
        var listed = await documents.InnerTextAsync();
        listed.ShouldContain("call notes.txt");
        listed.ShouldContain("Letters exchanged with the contractor");
        listed.ShouldContain("Not checked for viruses");
        await ShouldHaveNoAccessibilityViolationsAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => documents.GetByRole(AriaRole.Link, new() { Name = "contractor letter.pdf" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("contractor letter.pdf");
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        await download.SaveAsAsync(saved);
        (await File.ReadAllBytesAsync(saved)).ShouldBe(letter);
        File.Delete(saved);
        Page.Url.ShouldStartWith(appeal);
    }
}
