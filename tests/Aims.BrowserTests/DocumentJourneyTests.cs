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
        // The uploads are held until both bars are seen: on a fast machine both finish, and the page reloads, before a
        // look at the bars could land.
        var barsSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bothHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        await Page.RouteAsync("**/appeals/*/documents", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            if (Interlocked.Increment(ref held) == 2)
            {
                bothHeld.SetResult();
            }
            await barsSeen.Task;
            await route.ContinueAsync();
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        // One request and one bar per file while they go; the page reloads when both are in.
        await bothHeld.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var bars = Page.Locator("[data-aims-upload-progress] progress");
        await bars.Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await bars.CountAsync()).ShouldBe(2);
        (await bars.Nth(0).GetAttributeAsync("aria-label")).ShouldBe("contractor letter.pdf");
        barsSeen.SetResult();
        await Page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.Wait });
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
