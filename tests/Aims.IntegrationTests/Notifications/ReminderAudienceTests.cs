using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.IntegrationTests.Appeals;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// Who a reminder reaches, as ADR 0055 cut it: a reminder that fires carries the appeal's recipients (Notifications does
/// not read the appeal again), one without them (a previous version's) is resolved through Appeals as before, and staff
/// holding a permission are found in one query: every active account with a role that grants it, once.
/// </summary>
public sealed class ReminderAudienceTests() : AppealsTest("aims_test_reminder_audience")
{
    [Test]
    public async Task A_reminder_tells_the_recipients_it_carries_without_asking_Appeals_for_them()
    {
        var party = await CreateAccountAsync("party.carried@clinic.example");
        // No appeal has this id, so Appeals could name nobody: only the carried recipients can be told.
        var due = Reminder(Guid.NewGuid(), "PI-2026-990001", new AppealRecipients([party], [new AppealContact("Pat Contact", "contact.carried@clinic.example")], null, []));

        await PublishAsync(due);

        (await CountAsync("SELECT count(*) FROM notifications.notices WHERE user_id = @p", party)).ShouldBe(1L);
        (await AppealEmailsToAsync("party.carried@clinic.example")).ShouldHaveSingleItem().Subject.ShouldBe("Reminder on appeal PI-2026-990001");
        (await AppealEmailsToAsync("contact.carried@clinic.example")).ShouldHaveSingleItem();
    }

    [Test]
    public async Task A_reminder_without_recipients_from_a_previous_version_is_told_to_the_people_Appeals_names()
    {
        var (owner, provider) = await ProviderAsync("owner.previous@clinic.example");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026"));
        await DeliverAsync();
        var filer = await UserIdAsync("owner.previous@clinic.example");

        await PublishAsync(Reminder(id, "PI-2026-990002", recipients: null));

        (await CountAsync("SELECT count(*) FROM notifications.notices WHERE user_id = @p AND source_key LIKE 'reminder:%:Test:%'", filer)).ShouldBe(1L);
    }

    [Test]
    public async Task Staff_with_a_permission_are_the_active_accounts_holding_a_role_that_grants_it_each_once()
    {
        var worker = await CreateAccountAsync("worker.directory@dmas.virginia.gov", Role.CaseWorker, staff: true);
        var administrator = await CreateAccountAsync("admin.directory@dmas.virginia.gov", Role.AppealsAdministrator, staff: true);
        var officer = await CreateAccountAsync("officer.directory@dmas.virginia.gov", Role.HearingOfficer, staff: true);
        var gone = await CreateAccountAsync("gone.directory@dmas.virginia.gov", Role.CaseWorker, staff: true);
        await ExecuteAsync("UPDATE identity.asp_net_users SET deactivated_at = now() WHERE id = @id", new() { ["id"] = gone });
        var ours = new[] { worker, administrator, officer, gone };

        await using var scope = Portal.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var intake = (await mediator.Send(new GetPeopleWith(Permission.WorkIntakeQueue))).Where(p => ours.Contains(p.UserId)).ToList();
        var hearings = (await mediator.Send(new GetPeopleWith(Permission.IssueHearingDecisions))).Where(p => ours.Contains(p.UserId)).ToList();

        // The intake queue is worked by case workers and administrators; the deactivated case worker is nobody's.
        intake.Select(p => p.UserId).ShouldBe(new[] { worker, administrator }, ignoreOrder: true);
        intake.Single(p => p.UserId == worker).Email.ShouldBe("worker.directory@dmas.virginia.gov");
        hearings.ShouldHaveSingleItem().UserId.ShouldBe(officer);
    }

    private static AppealReminderDue Reminder(Guid appealId, string caseNumber, AppealRecipients? recipients) => new(
        appealId, caseNumber, $"Test:{Guid.NewGuid():N}",
        Wording.English(new NoticeText($"Reminder on appeal {caseNumber}", "A test reminder.")), ReminderAudience.Parties, recipients);

    // As Appeals publishes it: in a unit of work, delivered to Notifications by Wolverine after the commit.
    private async Task PublishAsync(AppealReminderDue due)
    {
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            await session.BeginAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IOutbox>().PublishAsync(due);
            await session.CommitAsync(CancellationToken.None);
        }

        await DeliverAsync();
    }
}
