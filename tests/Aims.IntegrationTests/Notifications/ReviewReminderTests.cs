using Aims.IntegrationTests.Registration;
using Aims.Testing;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// Pending access requests remind reviewers at 1 and 2 business days, 09:00 Richmond. Submitted Wed 11/25/2026: Thursday
/// and Friday are holidays (Thanksgiving), so 1 business day is Mon 11/30 and 2 is Tue 12/01.
/// </summary>
public sealed class ReviewReminderTests() : RegistrationTest("aims_test_review_reminders")
{
    [Test]
    public async Task A_request_from_the_day_before_thanksgiving_reminds_reviewers_monday_and_tuesday_at_nine()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero)); // Wednesday 10:00 Eastern
        await SubmitAsync(NewBrowser(), RequestFields("waiting@henrico.example", "Henrico Reminder Office"));
        var id = await RequestIdAsync("waiting@henrico.example");

        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 13, 59, 0, TimeSpan.Zero)); // Monday 08:59
        await DeliverAsync();
        (await NoticesAsync(id)).ShouldBe(0L);

        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero)); // Monday 09:00
        await DeliverAsync();
        (await NoticesAsync(id)).ShouldBe(1L);
        var first = (await EmailsToAsync(Administrator)).Single(e => e.Subject.Contains("Henrico Reminder Office"));
        first.Subject.ShouldBe("Access request from Henrico Reminder Office waiting 1 business day");
        first.TextBody.ShouldContain("on November 25, 2026 at 10:00 AM Eastern.");
        first.TextBody.ShouldContain($"/admin/registrations/{id}");

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero)); // Tuesday 09:00
        await DeliverAsync();
        (await NoticesAsync(id)).ShouldBe(2L);
        (await EmailsToAsync(Administrator)).ShouldContain(e => e.Subject == "Access request from Henrico Reminder Office waiting 2 business days"
            && e.TextBody.Contains("The reply promised within 2 business days is due today"));
        using var admin = await AdministratorAsync();
        (await admin.GetAsync("/notifications")).Text.ShouldContain("New: Access request from Henrico Reminder Office waiting 2 business days");
    }

    [Test]
    public async Task A_request_decided_before_its_reminders_is_never_announced()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)); // Monday 10:00 Eastern
        await SubmitAsync(NewBrowser(), RequestFields("decided@chesterfield.example", "Chesterfield Decided Office"));
        var id = await RequestIdAsync("decided@chesterfield.example");
        using var admin = await AdministratorAsync();
        var denied = await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?> { ["Reason"] = "Not a Virginia agency." }, $"/admin/registrations/{id}?handler=Deny");
        denied.Location.ShouldNotBeNull(denied.Text);

        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero));
        await DeliverAsync();

        (await NoticesAsync(id)).ShouldBe(0L);
        (await ScheduledCountAsync($"access-request:{id}:")).ShouldBe(0);
    }

    private Task<long> NoticesAsync(Guid requestId) =>
        CountAsync("SELECT count(*) FROM notifications.notices WHERE source_key LIKE @p", $"review:{requestId}:%");
}
