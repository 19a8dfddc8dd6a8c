using System.Net;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Persistence;
using Aims.IntegrationTests.Appeals;
using Aims.Registration.Contracts;
using Aims.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// The notification centre: a coordinator's notice in the portal (unread count) and by email; email off per kind except
/// required kinds; a message delivered twice gives one notice and one email; the HTML email encodes what it quotes.
/// </summary>
public sealed class NotificationCentreTests() : AppealsTest("aims_test_notification_centre")
{
    [Test]
    public async Task A_coordinator_sees_the_new_appeal_in_the_header_and_the_list_opens_it_and_the_email_went()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Centre Audit Contractor", "coord.centre@audit.example");
        var (owner, provider) = await ProviderAsync("owner.centre@clinic.example");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026", agencyId: agency));
        await DeliverAsync();
        using var coordinator = NewBrowser();
        await coordinator.SignInAsync(ConnectionString, "coord.centre@audit.example", Password);

        var home = await coordinator.GetAsync("/agency/appeals");
        home.Text.ShouldContain("Notifications (1 unread)");
        var list = await coordinator.GetAsync("/notifications");
        list.Text.ShouldMatch(@"New: New appeal PI-2026-\d{6} names your agency 11/23/2026 9:00 AM");
        var email = (await AppealEmailsToAsync("coord.centre@audit.example")).ShouldHaveSingleItem();
        email.TextBody.ShouldContain($"/appeals/{id}");
        email.TextBody.ShouldContain("Questions about an appeal: the Appeals Division at 804-371-8488.");
        email.HtmlBody!.ShouldContain($"<a href=\"http://127.0.0.1/appeals/{id}\"");
        email.HtmlBody!.ShouldContain("Call the AIMS helpline at 804-486-2865.");
        var noticeId = (Guid)(await ScalarAsync("SELECT id FROM notifications.notices WHERE kind = 'AppealFiledForAgency' AND link = @p", $"/appeals/{id}"))!;

        var opened = await coordinator.PostAsync("/notifications", [new("notice", noticeId.ToString())], "/notifications?handler=Read");

        opened.Location.ShouldBe($"/appeals/{id}");
        (await coordinator.GetAsync("/notifications")).Text.ShouldNotContain("unread");
        (await owner.GetAsync("/notifications")).Text.ShouldContain("No notifications yet.");
        (await owner.PostAsync("/notifications", [new("notice", noticeId.ToString())], "/notifications?handler=Read")).Location.ShouldBe("/notifications");
        (await ScalarAsync("SELECT read_at IS NOT NULL FROM notifications.notices WHERE id = @p", noticeId)).ShouldBe(true);
    }

    [Test]
    public async Task Email_turned_off_for_a_kind_leaves_the_notice_in_the_centre_and_required_kinds_cannot_be_turned_off()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Quiet Audit Contractor", "coord.quiet@audit.example");
        using var coordinator = NewBrowser();
        await coordinator.SignInAsync(ConnectionString, "coord.quiet@audit.example", Password);
        var preferences = await coordinator.GetAsync("/notifications/preferences");
        preferences.Text.ShouldContain("Decisions on your appeals (always sent)");

        var saved = await coordinator.PostAsync("/notifications/preferences", [new("EmailOn", "AppealFiledForAgency")]);
        saved.Location.ShouldBe("/notifications/preferences");
        (await CountAsync("SELECT count(*) FROM notifications.preferences WHERE NOT email AND kind IN ('Decision', 'HearingNotice', 'Dismissal')")).ShouldBe(0L);

        var (owner, provider) = await ProviderAsync("owner.quiet@clinic.example");
        var id = await FileAsync(owner, "/appeals/file/informal", InformalFields(provider, "11/10/2026", agencyId: agency));
        await owner.PostAsync($"/appeals/{id}/withdraw", new Dictionary<string, string?> { ["SeenVersion"] = "1" });
        await DeliverAsync();

        (await coordinator.GetAsync("/notifications")).Text.ShouldContain("withdrawn");
        var emails = await AppealEmailsToAsync("coord.quiet@audit.example");
        emails.ShouldHaveSingleItem().Subject.ShouldContain("names your agency");
    }

    [Test]
    public async Task The_same_message_delivered_twice_gives_one_notice_and_one_email()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Twice Audit Contractor", "coord.twice@audit.example");
        var filed = new AppealFiled(Guid.NewGuid(), "PI-2026-999001", AppealKind.ProviderInformal, agency, "Twice <b>Clinic</b>", new DateOnly(2026, 11, 23), true, false);

        for (var delivery = 0; delivery < 2; delivery++)
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            await session.BeginAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(filed);
            await session.CommitAsync(CancellationToken.None);
        }

        (await CountAsync("SELECT count(*) FROM notifications.notices WHERE source_key = @p", $"AppealFiledForAgency:{filed.AppealId}")).ShouldBe(1L);
        var email = (await AppealEmailsToAsync("coord.twice@audit.example")).Single(e => e.Subject.Contains("PI-2026-999001"));
        email.HtmlBody!.ShouldContain("Twice &lt;b&gt;Clinic&lt;/b&gt; filed appeal PI-2026-999001");
        email.HtmlBody!.ShouldNotContain("<b>Clinic");
    }
}
