using Aims.IntegrationTests.Registration;
using Aims.Notifications.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// The operations page, with mail going through Wolverine to a real SMTP listener that refuses "nobody" (ADR 0047): a
/// refused address is a dead letter with its error, retried (once fixed it arrives) or discarded there; upcoming reminders
/// are listed; a sent email shows.
/// </summary>
public sealed class OperationsTests() : RegistrationTest("aims_test_operations")
{
    [Test]
    public async Task A_refused_address_is_a_dead_letter_shown_with_its_error_and_retried_or_cancelled_and_reminders_are_listed()
    {
        await Portal.Services.QueueEmailAsync(new EmailMessage("nobody@provider.example", "Appeal received", "See the portal."));
        await Portal.Services.QueueEmailAsync(new EmailMessage("nobody@second.example", "Appeal withdrawn", "See the portal."));
        await DeliverAsync();
        await SubmitAsync(NewBrowser(), RequestFields("ops.requester@henrico.example", "Henrico Operations Office"));
        using var admin = await AdministratorAsync();
        await DeliverAsync();

        var page = await admin.GetAsync("/admin/operations");

        page.Text.ShouldContain("SendEmail to nobody@provider.example: Appeal received");
        page.Text.ShouldContain("refused 'nobody@provider.example'");
        page.Text.ShouldContain("ReviewReminder");
        page.Text.ShouldMatch(@"11/24/2026 9:00 AM ReviewReminder access-request:[0-9a-f-]{36}:review-1");
        page.Text.ShouldContain("ops.requester@henrico.example Your AIMS access request is pending review");
        var first = DeadLetterId(page, "nobody@provider.example");
        var second = DeadLetterId(page, "nobody@second.example");

        // The mailbox is fixed; retried, the same email goes out to the server once.
        Smtp.RefuseNobody = false;
        var retried = await admin.PostAsync("/admin/operations", [new("message", first.ToString())], "/admin/operations?handler=Retry");
        retried.Location.ShouldBe("/admin/operations");
        await Eventually.TrueAsync(() => Smtp.Received.Any(r => r.Message.To.ToString().Contains("nobody@provider.example")), "the retried email");
        Smtp.Received.Count(r => r.Message.Subject == "Appeal received").ShouldBe(1);
        (await WolverineInbox.DeadLettersAsync(Portal.Services)).Select(d => d.Id).ShouldNotContain(first);

        // Discarded, the other is gone for good: not listed, not retried, never sent.
        await admin.PostAsync("/admin/operations", [new("message", second.ToString())], "/admin/operations?handler=Cancel");
        (await WolverineInbox.DeadLettersAsync(Portal.Services)).Select(d => d.Id).ShouldNotContain(second);
        (await admin.PostAsync("/admin/operations", [new("message", second.ToString())], "/admin/operations?handler=Retry")).Location.ShouldBe("/admin/operations");
        var after = await admin.GetAsync("/admin/operations");
        after.Text.ShouldContain("That message is not a dead letter any more");
        after.Text.ShouldNotContain("nobody@second.example");
        after.Text.ShouldContain("nobody@provider.example Appeal received");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Smtp.Received.ShouldNotContain(r => r.Message.To.ToString().Contains("nobody@second.example"));

        using var requester = NewBrowser();
        (await requester.Http.GetAsync("/admin/operations")).StatusCode.ShouldNotBe(System.Net.HttpStatusCode.OK);
    }

    /// <summary>The id in the Retry form of the dead letter listed for <paramref name="to"/>.</summary>
    private static Guid DeadLetterId(FormClient.Page page, string to) =>
        Guid.Parse(System.Text.RegularExpressions.Regex.Match(
            page.Html, $@"{System.Text.RegularExpressions.Regex.Escape(to)}:[^<]*</th>.*?name=""message"" value=""([0-9a-f-]{{36}})""",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);
}
