using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Aims.IntegrationTests.Registration;
using Aims.Notifications.Contracts;
using Aims.Testing;
using Wolverine;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// The operations page's scheduled retries (issue 20). Mail goes through a proxy the test cuts, so a send fails its first
/// try and three quick retries, and Wolverine's error policy schedules the next attempt (an hour on here; 30 s in
/// production). The page lists it with its receiver, attempts and next time; "Retry now" runs it at once, "Discard" drops it.
/// </summary>
public sealed partial class OperationsRetryTests() : RegistrationTest("aims_test_operations_retries")
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private TcpProxy? mailProxy;

    private TcpProxy MailProxy => mailProxy ??= new TcpProxy("127.0.0.1", Smtp.Port);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Aims:Mail:SmtpPort"] = MailProxy.Port.ToString(CultureInfo.InvariantCulture),
        // An hour apart, so a scheduled retry waits while the test looks at it.
        ["Aims:Messaging:ScheduledRetries:0"] = "01:00:00",
        ["Aims:Messaging:ScheduledRetries:1"] = "01:00:00",
        ["Aims:Messaging:ScheduledRetries:2"] = "01:00:00",
    };

    [OneTimeTearDown]
    public async Task StopMailProxyAsync()
    {
        if (mailProxy is not null)
        {
            await mailProxy.DisposeAsync();
        }
    }

    [Test]
    public async Task A_send_that_keeps_failing_is_listed_with_its_next_retry_and_is_retried_now_or_discarded()
    {
        // Signed in while the mail server is reachable (the code is sent); then every connection to it is cut.
        using var admin = await AdministratorAsync();
        await DeliverAsync();
        MailProxy.Cut();
        await Portal.Services.QueueEmailAsync(new EmailMessage("late.reader@provider.example", "Hearing scheduled", "See the portal."));
        await Portal.Services.QueueEmailAsync(new EmailMessage("gone.reader@provider.example", "Appeal closed", "See the portal."));

        // The first try and the quick retries (0.2 s, 1 s, 5 s) fail; Wolverine schedules the fifth attempt an hour on.
        var waiting = await RetriesAsync(2, attempts: 4);
        var page = await admin.GetAsync("/admin/operations");
        var late = RetryRow(page, "late.reader@provider.example");
        var gone = RetryRow(page, "gone.reader@provider.example");
        var lateEnvelope = waiting.Single(e => e.Id == late.Id);
        late.Text.ShouldContain("SendEmail to late.reader@provider.example: Hearing scheduled");
        late.Text.ShouldContain("SendEmailHandler");
        late.Text.ShouldContain($"{When(lateEnvelope.ScheduledTime!.Value)} SendEmail");
        lateEnvelope.ScheduledTime!.Value.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
        late.Text.ShouldContain(" 4 Retry now");
        page.Text.ShouldContain("None: every message was delivered or is still being tried.");

        // Tried now with the server still unreachable: it fails once more and its next retry is scheduled.
        var again = await admin.PostAsync("/admin/operations", [new("message", late.Id.ToString())], "/admin/operations?handler=RetryNow");
        again.Location.ShouldBe("/admin/operations");
        (await admin.GetAsync("/admin/operations")).Text.ShouldContain("The message will be tried again within a few seconds");
        await Eventually.TrueAsync(async () => (await RetryEnvelopesAsync()).Any(e => e.Id == late.Id && e.Attempts == 5), "the fifth attempt, failed and rescheduled", TimeSpan.FromSeconds(30));

        // The server is back: tried now, the email goes out once and leaves the list.
        MailProxy.Restore();
        await admin.PostAsync("/admin/operations", [new("message", late.Id.ToString())], "/admin/operations?handler=RetryNow");
        await Eventually.TrueAsync(() => Smtp.Received.Any(r => r.Message.To.ToString().Contains("late.reader@provider.example")), "the email tried now");
        await Eventually.TrueAsync(async () => (await RetryEnvelopesAsync()).All(e => e.Id != late.Id), "the sent email off the retries");
        Smtp.Received.Count(r => r.Message.Subject == "Hearing scheduled").ShouldBe(1);

        // Discarded, the other is gone for good: not listed, not retried, never sent.
        (await admin.PostAsync("/admin/operations", [new("message", gone.Id.ToString())], "/admin/operations?handler=Cancel")).Location.ShouldBe("/admin/operations");
        var after = await admin.GetAsync("/admin/operations");
        after.Text.ShouldContain("The message is cancelled.");
        after.Text.ShouldContain("None: no message is waiting to be tried again.");
        (await WolverineInbox.EnvelopesAsync(Portal.Services)).ShouldNotContain(e => e.Id == gone.Id);
        (await admin.PostAsync("/admin/operations", [new("message", gone.Id.ToString())], "/admin/operations?handler=RetryNow")).Location.ShouldBe("/admin/operations");
        (await admin.GetAsync("/admin/operations")).Text.ShouldContain("That message is not waiting for a retry any more");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Smtp.Received.ShouldNotContain(r => r.Message.To.ToString().Contains("gone.reader@provider.example"));
    }

    [Test]
    public async Task Retry_now_refuses_a_post_without_its_token_an_unknown_id_and_anyone_but_an_administrator()
    {
        using var admin = await AdministratorAsync();
        var shown = await admin.GetAsync("/admin/operations");

        // No antiforgery token: refused before anything is looked up.
        (await admin.PostWithTokenAsync("/admin/operations?handler=RetryNow", [new("message", Guid.NewGuid().ToString())], null)).Status.ShouldBe(HttpStatusCode.BadRequest);

        // An id that is no retry, or no id at all: the page says so, nothing else happens.
        foreach (var id in new[] { Guid.NewGuid().ToString(), "not-an-id" })
        {
            (await admin.PostWithTokenAsync("/admin/operations?handler=RetryNow", [new("message", id)], shown.AntiforgeryToken)).Location.ShouldBe("/admin/operations");
            (await admin.GetAsync("/admin/operations")).Text.ShouldContain("That message is not waiting for a retry any more");
        }

        // Someone signed out is sent to sign in; the form is not run for them.
        using var stranger = NewBrowser();
        var posted = await stranger.PostWithTokenAsync("/admin/operations?handler=RetryNow", [new("message", Guid.NewGuid().ToString())], shown.AntiforgeryToken);
        posted.Status.ShouldNotBe(HttpStatusCode.OK);
        posted.Location.ShouldNotBe("/admin/operations");
        (await stranger.Http.GetAsync("/admin/operations")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    /// <summary>Wolverine's scheduled retries (scheduled after an attempt), asked of its storage API.</summary>
    private async Task<IReadOnlyList<Envelope>> RetryEnvelopesAsync() =>
        (await WolverineInbox.EnvelopesAsync(Portal.Services)).Where(e => e.Status == EnvelopeStatus.Scheduled && e.Attempts > 0).ToList();

    private async Task<IReadOnlyList<Envelope>> RetriesAsync(int count, int attempts)
    {
        await Eventually.TrueAsync(
            async () => (await RetryEnvelopesAsync()).Count(e => e.Attempts == attempts) == count, $"{count} scheduled retries after {attempts} attempts", TimeSpan.FromSeconds(60));
        return await RetryEnvelopesAsync();
    }

    /// <summary>The row of the retries table for the email to <paramref name="to"/>: its id (from its forms) and its text.</summary>
    private static (Guid Id, string Text) RetryRow(FormClient.Page page, string to)
    {
        var section = page.Html[page.Html.IndexOf("<h2 id=\"retries\">", StringComparison.Ordinal)..page.Html.IndexOf("<h2 id=\"upcoming\">", StringComparison.Ordinal)];
        var row = Rows().Matches(section).Select(m => m.Value).Single(r => r.Contains(to, StringComparison.Ordinal));
        var text = Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(row, "<[^>]+>", " ")), @"\s+", " ").Trim();
        return (Guid.Parse(MessageId().Match(row).Groups[1].Value), text);
    }

    private static string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, NewYork).ToString("MM/dd/yyyy h:mm tt", CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Rows();

    [GeneratedRegex(@"name=""message"" value=""([0-9a-f-]{36})""")]
    private static partial Regex MessageId();
}
