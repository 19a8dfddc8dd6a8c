using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Persistence;
using Aims.IntegrationTests.Registration;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// The operations page, with mail going to a real SMTP listener that refuses "nobody": a refused address is a dead
/// letter with its error, retried or cancelled there; upcoming reminders are listed; a sent email shows.
/// </summary>
public sealed class OperationsTests() : RegistrationTest("aims_test_operations")
{
    [Test]
    public async Task A_refused_address_is_a_dead_letter_shown_with_its_error_and_retried_or_cancelled_and_reminders_are_listed()
    {
        await QueueAsync(new EmailMessage("nobody@provider.example", "Appeal received", "See the portal."));
        await QueueAsync(new EmailMessage("nobody@second.example", "Appeal withdrawn", "See the portal."));
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
        var first = (Guid)(await ScalarAsync("SELECT id FROM messaging.messages WHERE payload->>'to' = @p", "nobody@provider.example"))!;
        var second = (Guid)(await ScalarAsync("SELECT id FROM messaging.messages WHERE payload->>'to' = @p", "nobody@second.example"))!;

        var retried = await admin.PostAsync("/admin/operations", [new("message", first.ToString())], "/admin/operations?handler=Retry");
        retried.Location.ShouldBe("/admin/operations");
        (await ScalarAsync("SELECT status FROM messaging.messages WHERE id = @p", first)).ShouldBe((short)0);
        (await ScalarAsync("SELECT attempts FROM messaging.messages WHERE id = @p", first)).ShouldBe(0);
        await admin.PostAsync("/admin/operations", [new("message", second.ToString())], "/admin/operations?handler=Cancel");
        (await ScalarAsync("SELECT status FROM messaging.messages WHERE id = @p", second)).ShouldBe((short)3);
        (await admin.PostAsync("/admin/operations", [new("message", second.ToString())], "/admin/operations?handler=Retry")).Location.ShouldBe("/admin/operations");
        (await admin.GetAsync("/admin/operations")).Text.ShouldContain("That message is not a dead letter any more");

        using var requester = NewBrowser();
        (await requester.Http.GetAsync("/admin/operations")).StatusCode.ShouldNotBe(System.Net.HttpStatusCode.OK);
    }

    private async Task QueueAsync(EmailMessage email)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IOutgoingMail>().QueueAsync(email);
        await session.CommitAsync(CancellationToken.None);
    }
}
