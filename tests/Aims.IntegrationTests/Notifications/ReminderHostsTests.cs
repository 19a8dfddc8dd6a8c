using Aims.IntegrationTests.Appeals;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// Two hosts (two Wolverine nodes) deliver each due reminder once, and reminders due while no host ran go out at start. Filed
/// Mon 11/23/2026: the 180-day decision is due Sat 05/22/2027, its 14-day reminder Sat 05/08/2027 09:00 New York (13:00 UTC).
/// </summary>
public sealed class ReminderHostsTests() : AppealsTest("aims_test_reminder_hosts")
{
    private static readonly DateTimeOffset FourteenDaysBefore = new(2027, 5, 8, 13, 0, 0, TimeSpan.Zero);

    /// <summary>A host of its own (a Wolverine node) at the given moment, mailing into a folder.</summary>
    private AimsAppFactory Host(DateTimeOffset now, string mailFolder)
    {
        var host = new AimsAppFactory(ConnectionString, services => services.AddSingleton<TimeProvider>(new ManualTimeProvider(now)), new Dictionary<string, string?>
        {
            ["Aims:Mail:Delivery"] = "Folder",
            ["Aims:Mail:Folder"] = mailFolder,
        });
        _ = host.Services;
        return host;
    }

    // The fixture's own portal is a Wolverine node too: a reminder it runs is mailed to its SMTP server, not the folder.
    private List<string> Emails(string folder, int smtpBefore) =>
        Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Concat(Smtp.Messages.Skip(smtpBefore)).Where(e => e.Contains("Subject: Decision due in 14 days", StringComparison.Ordinal)).ToList();

    private async Task WaitForAsync(string sql, object parameter, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await CountAsync(sql, parameter) < expected)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"waiting for {expected} from {sql}");
            await Task.Delay(200);
        }
    }

    [Test]
    public async Task Two_hosts_on_one_database_send_each_of_500_due_reminders_once()
    {
        const int count = 500;
        var ids = await FileInformalAppealsAsync("two", count);
        var folder = Directory.CreateTempSubdirectory("aims-two-hosts-").FullName;
        var smtpBefore = Smtp.Messages.Count;
        try
        {
            await using (var first = Host(FourteenDaysBefore.AddMinutes(5), folder))
            await using (var second = Host(FourteenDaysBefore.AddMinutes(5), folder))
            {
                // Wolverine's poller goes by the system clock: the reminders due by the hosts' clock are made due now.
                (await WolverineInbox.MakeDueAsync(first.Services)).ShouldBeGreaterThanOrEqualTo(count);
                var deadline = DateTime.UtcNow.AddSeconds(120);
                while (Emails(folder, smtpBefore).Count < count)
                {
                    DateTime.UtcNow.ShouldBeLessThan(deadline, $"{Emails(folder, smtpBefore).Count} of {count} reminder emails sent");
                    await Task.Delay(250);
                }

                // Time for a duplicate to show, were either host going to send one.
                await Task.Delay(1000);
            }

            // The administrator is intake (no case worker yet) and an administrator: one notice per appeal all the same.
            var links = ids.Select(id => $"/appeals/{id}").ToArray();
            (await CountAsync("SELECT count(*) FROM notifications.notices WHERE subject LIKE 'Decision due in 14 days%' AND link = ANY(@p)", links)).ShouldBe(count);
            (await CountAsync("SELECT count(DISTINCT link) FROM notifications.notices WHERE subject LIKE 'Decision due in 14 days%' AND link = ANY(@p)", links)).ShouldBe(count);
            var keys = ids.Select(id => $"appeal:{id}:remind:ClockFourteenDays").ToArray();
            (await WolverineInbox.HandledScheduledAsync(Portal.Services)).Count(s => s.Key is { } key && keys.Contains(key)).ShouldBe(count);
            var emails = Emails(folder, smtpBefore);
            emails.Count.ShouldBe(count);
            emails.Select(e => e.Split('\n').Single(l => l.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))).Distinct().Count().ShouldBe(count);
            var subjects = emails.Select(e => e.Split('\n').Single(l => l.StartsWith("Subject:", StringComparison.Ordinal)).Trim()).ToList();
            subjects.Distinct().Count().ShouldBe(count);
            subjects.ShouldContain($"Subject: Decision due in 14 days: appeal {await ScalarAsync("SELECT case_number FROM appeals.appeal_summaries WHERE id = @p", ids[0])}");
            var sevenDays = keys.Select(k => k.Replace("Fourteen", "Seven", StringComparison.Ordinal)).ToHashSet();
            (await WolverineInbox.ScheduledAsync(Portal.Services)).Count(s => sevenDays.Contains(s.Key!)).ShouldBe(count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Reminders_their_notices_and_emails_leave_the_receivers_connections_clean_for_the_next_receiver()
    {
        // Filing (its notices and schedules), the reminder (Marten's stream read, the key row), the notices (EF Core,
        // Identity's staff query) and the emails all run on the receivers' pool, which skips Npgsql's reset (ADR 0055).
        const int count = 20;
        await FileInformalAppealsAsync("clean", count);
        var folder = Directory.CreateTempSubdirectory("aims-clean-").FullName;
        var smtpBefore = Smtp.Messages.Count;
        try
        {
            await using var host = Host(FourteenDaysBefore.AddMinutes(5), folder);
            (await WolverineInbox.MakeDueAsync(host.Services)).ShouldBeGreaterThanOrEqualTo(count);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (Emails(folder, smtpBefore).Count < count)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, $"{Emails(folder, smtpBefore).Count} of {count} reminder emails sent");
                await Task.Delay(250);
            }

            await Task.Delay(1000);
            var receiversDone = await ReceiverConnections.DatabaseNowAsync(host.Services);
            var states = (await ReceiverConnections.InspectAsync(host.Services)).Concat(await ReceiverConnections.InspectAsync(Portal.Services)).ToList();

            states.Count(s => s.Started < receiversDone).ShouldBeGreaterThan(0, "connections the receivers gave back are among those inspected");
            states.Where(s => !s.Clean).ShouldBeEmpty();
            states.ShouldAllBe(s => s.PlanCacheMode == "auto");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_reminder_that_fell_due_while_no_host_ran_is_sent_when_one_starts()
    {
        var id = (await FileInformalAppealsAsync("restart", 1)).Single();
        var folder = Directory.CreateTempSubdirectory("aims-restart-").FullName;
        try
        {
            // A host ran until the evening before, then stopped; the next one starts a day after the reminder was due.
            await using (var before = Host(FourteenDaysBefore.AddHours(-12), folder))
            {
                // Time passes up to this host's clock (the practice purge of the first night falls due, not the reminder).
                await WolverineInbox.MakeDueAsync(before.Services);
                await Task.Delay(1000);
            }

            (await CountAsync("SELECT count(*) FROM notifications.notices WHERE link = @p", $"/appeals/{id}")).ShouldBe(0L);
            await using (var after = Host(FourteenDaysBefore.AddDays(1), folder))
            {
                (await WolverineInbox.MakeDueAsync(after.Services)).ShouldBeGreaterThanOrEqualTo(1);
                await WaitForAsync("SELECT count(*) FROM notifications.notices WHERE link = @p AND subject LIKE 'Decision due in 14 days%'", $"/appeals/{id}", 1);
            }

            (await HandledCountAsync($"appeal:{id}:remind:ClockFourteenDays")).ShouldBe(1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
