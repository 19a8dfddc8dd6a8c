using System.Globalization;
using Aims.Notifications.Contracts;
using Aims.Testing;
using Microsoft.Playwright;
using Wolverine;

namespace Aims.BrowserTests;

/// <summary>
/// An administrator on the operations page with an email waiting for Wolverine's scheduled retry (the mail server cut off
/// behind a proxy; retries an hour apart): the row says what, to whom, which receiver and how many attempts; "Retry now"
/// tries it at once (it fails again and waits for its next retry) and "Discard" drops it. The page meets WCAG 2.1 AA.
/// </summary>
public sealed class OperationsRetryJourneyTests : BrowserTest
{
    private const string Administrator = "appealsadministrator.demo@dmas.virginia.gov";
    private const string Reader = "browser.retry@provider.example";
    private readonly SmtpTestServer smtp = new();
    private TcpProxy? mail;
    private AimsAppFactory? portal;
    private string baseUrl = "";
    private string connectionString = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync()
    {
        mail = new TcpProxy("127.0.0.1", smtp.Port);
        var settings = new Dictionary<string, string?>(smtp.MailSettings)
        {
            ["Aims:Mail:SmtpPort"] = mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Aims:Messaging:ScheduledRetries:0"] = "01:00:00",
            ["Aims:Messaging:ScheduledRetries:1"] = "01:00:00",
            ["Aims:Messaging:ScheduledRetries:2"] = "01:00:00",
        };
        (portal, baseUrl, connectionString) = await DemoPortal.StartOwnAsync("aims_test_browser_operations", settings);
    }

    [OneTimeTearDown]
    public async Task StopPortalAsync()
    {
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        if (mail is not null)
        {
            await mail.DisposeAsync();
        }

        await smtp.DisposeAsync();
    }

    [Test]
    public async Task An_email_waiting_for_its_retry_is_listed_tried_now_and_discarded()
    {
        await DemoPortal.SignInAsync(Page, Administrator, staff: true, connectionString);
        await WolverineInbox.WaitUntilHandledAsync(portal!.Services, TimeSpan.FromSeconds(90));
        mail!.Cut();
        await portal.Services.QueueEmailAsync(new EmailMessage(Reader, "Hearing scheduled", "See the portal."));
        await RetryAfterAsync(attempts: 4);

        await Page.GotoAsync("/admin/operations");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Reader });
        (await row.InnerTextAsync()).ShouldContain("SendEmailHandler");
        (await row.Locator("[data-label='Attempts so far']").InnerTextAsync()).Trim().ShouldBe("4");
        await ShouldHaveNoAccessibilityViolationsAsync();

        // Tried now while the server is still unreachable: the fifth attempt fails and waits for the next retry.
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("The message will be tried again within a few seconds");
        await RetryAfterAsync(attempts: 5);
        await Page.ReloadAsync();
        (await row.Locator("[data-label='Attempts so far']").InnerTextAsync()).Trim().ShouldBe("5");

        await row.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        var main = await Page.Locator("main").InnerTextAsync();
        main.ShouldContain("The message is cancelled.");
        main.ShouldContain("None: no message is waiting to be tried again.");
        (await row.CountAsync()).ShouldBe(0);
    }

    /// <summary>Waits until the email to <see cref="Reader"/> is Wolverine's scheduled retry after <paramref name="attempts"/> attempts.</summary>
    private Task RetryAfterAsync(int attempts) => Eventually.TrueAsync(
        async () => (await WolverineInbox.EnvelopesAsync(portal!.Services)).Any(e =>
            e.Status == EnvelopeStatus.Scheduled && e.Attempts == attempts && e.MessageType == "Aims.Notifications.Sending.SendEmail"),
        $"the email waiting for its retry after {attempts} attempts", TimeSpan.FromSeconds(60));
}
