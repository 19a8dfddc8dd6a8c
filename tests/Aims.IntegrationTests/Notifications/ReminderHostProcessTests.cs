using Aims.IntegrationTests.Appeals;
using Aims.IntegrationTests.Host;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine.Runtime;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// Two real AIMS host processes (`dotnet Aims.Host.dll`, each on its own port, real clock) on one database: 500
/// decision-clock reminders due at once give exactly 500 notices, also when the host doing the work is killed (SIGKILL)
/// mid-burst. The appeals are filed in this fixture's portal (Mon 11/23/2026: the 180-day decision is due Sat
/// 05/22/2027, reminders 05/08 and 05/15); the portal's Wolverine then stops, so only the host processes deliver them,
/// and the reminders' envelopes are made due now in Wolverine's table (what `ScheduledMessages.RescheduleAsync` does).
/// </summary>
public sealed class ReminderHostProcessTests() : AppealsTest("aims_test_reminder_processes")
{
    private const int Count = 500;
    private IReadOnlyList<Guid> appeals = [];
    private Dictionary<string, Guid[]> envelopesByKind = [];

    [OneTimeSetUp]
    public async Task FileAppealsThenStopThePortalsWolverineAsync()
    {
        appeals = await FileInformalAppealsAsync("proc", Count);
        await WolverineInbox.WaitUntilHandledAsync(Portal.Services, TimeSpan.FromSeconds(120));
        var scheduled = await WolverineInbox.ScheduledAsync(Portal.Services);
        foreach (var kind in new[] { "ClockFourteenDays", "ClockSevenDays" })
        {
            var keys = appeals.Select(id => $"appeal:{id}:remind:{kind}").ToHashSet();
            envelopesByKind[kind] = scheduled.Where(s => keys.Contains(s.Key ?? "")).Select(s => s.Envelope.Id).ToArray();
            envelopesByKind[kind].Length.ShouldBe(Count);
        }

        // From here on the portal is no Wolverine node: it neither polls nor runs a reminder.
        await ((IHostedService)Portal.Services.GetRequiredService<IWolverineRuntime>()).StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Two_host_processes_give_each_of_500_due_reminders_one_notice_and_one_email()
    {
        var folder = Directory.CreateTempSubdirectory("aims-host-processes-").FullName;
        try
        {
            await using var first = await HostProcess.ServeAsync(Environment(folder));
            await using var second = await HostProcess.ServeAsync(Environment(folder));
            var owners = await BurstAsync("ClockFourteenDays", "Decision due in 14 days", whenStarted: null);
            TestContext.Out.WriteLine($"nodes that held the burst's envelopes: {string.Join(", ", owners)}");

            await ShouldBeOncePerAppealAsync("ClockFourteenDays", "Decision due in 14 days");
            await WaitForEmailsAsync(folder, "Decision due in 14 days");
            await Task.Delay(1000);
            var emails = Emails(folder, "Decision due in 14 days");
            emails.Count.ShouldBe(Count);
            emails.Select(e => Header(e, "Message-ID:")).Distinct().Count().ShouldBe(Count);
            emails.Select(e => Header(e, "Subject:")).Distinct().Count().ShouldBe(Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_host_killed_mid_burst_leaves_the_rest_to_the_other_and_no_reminder_is_given_twice()
    {
        var folder = Directory.CreateTempSubdirectory("aims-host-processes-kill-").FullName;
        try
        {
            await using var first = await HostProcess.ServeAsync(Environment(folder));
            var firstNode = await NewestNodeAsync();
            await using var second = await HostProcess.ServeAsync(Environment(folder));
            var secondNode = await NewestNodeAsync();
            long givenAtKill = 0;
            var owners = await BurstAsync("ClockSevenDays", "Decision due in 7 days", whenStarted: async (given, owner) =>
            {
                // SIGKILL the host holding the burst's envelopes once some, not all, notices are given.
                givenAtKill = given;
                await (owner == firstNode ? first : owner == secondNode ? second : throw new InvalidOperationException($"node {owner} is neither host")).KillAsync();
                TestContext.Out.WriteLine($"killed node {owner} (nodes: first {firstNode}, second {secondNode}) after {given} notices");
            });
            TestContext.Out.WriteLine($"nodes that held the burst's envelopes: {string.Join(", ", owners)}");

            givenAtKill.ShouldBeInRange(1, Count - 1, "the kill fell mid-burst");
            owners.Count.ShouldBe(2, "the survivor took over the dead host's envelopes");
            await ShouldBeOncePerAppealAsync("ClockSevenDays", "Decision due in 7 days");
            // Mail is at least once (ADR 0030): a host killed between sending and recording may send one again, and the
            // emails the dead host had claimed go out once its claim lapses.
            await WaitForEmailsAsync(folder, "Decision due in 7 days");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Dictionary<string, string> Environment(string mailFolder) => new()
    {
        ["ConnectionStrings__Aims"] = ConnectionString,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Aims__Mail__Delivery"] = "Folder",
        ["Aims__Mail__Folder"] = mailFolder,
        // A dead host's envelopes pass to the other within seconds, not the production minute.
        ["Aims__Messaging__NodeStaleAfter"] = "00:00:05",
        ["Aims__Messaging__NodeHealthCheck"] = "00:00:01",
        ["Aims__Messaging__AgentAssignmentCheck"] = "00:00:02",
    };

    /// <summary>
    /// Makes the appeals' reminders of <paramref name="kind"/> due now, waits until each has given its notice, and
    /// returns the Wolverine nodes seen holding them. <paramref name="whenStarted"/> runs once, as soon as some notices
    /// are given, with their number and the node holding the envelopes.
    /// </summary>
    private async Task<IReadOnlySet<int>> BurstAsync(string kind, string subject, Func<long, int, Task>? whenStarted)
    {
        var due = envelopesByKind[kind];
        (await OutsideAsync("UPDATE wolverine.wolverine_incoming_envelopes SET execution_time = now() WHERE id = ANY(@p) AND status = 'Scheduled'", due)).ShouldBe(Count);

        var owners = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(180);
        long given;
        while ((given = await GivenAsync(subject)) < Count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{given} of {Count} '{subject}' notices given");
            var holding = await HoldingNodesAsync();
            owners.UnionWith(holding);
            if (whenStarted is not null && given >= 20 && holding.Count == 1)
            {
                await whenStarted(given, holding.Single());
                whenStarted = null;
            }

            await Task.Delay(50);
        }

        whenStarted.ShouldBeNull("the burst finished before the kill");
        // Time for a duplicate to show, were either host going to give one.
        await Task.Delay(1000);
        return owners;
    }

    private async Task ShouldBeOncePerAppealAsync(string kind, string subject)
    {
        var links = appeals.Select(id => $"/appeals/{id}").ToArray();
        // The administrator is intake (no case worker yet) and an administrator: one notice per appeal all the same.
        (await CountAsync($"SELECT count(*) FROM notifications.notices WHERE subject LIKE '{subject}%' AND link = ANY(@p)", links)).ShouldBe(Count);
        (await CountAsync($"SELECT count(DISTINCT link) FROM notifications.notices WHERE subject LIKE '{subject}%' AND link = ANY(@p)", links)).ShouldBe(Count);
        (await CountAsync("SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE id = ANY(@p) AND status = 'Handled'", envelopesByKind[kind])).ShouldBe(Count);
        var keys = appeals.Select(id => $"appeal:{id}:remind:{kind}").ToHashSet();
        // Each key row was taken by its one delivery (ADR 0041): none is left to fire again.
        (await CountAsync("SELECT count(*) FROM messaging.scheduled WHERE key = ANY(@p)", keys.ToArray())).ShouldBe(0L);
    }

    private Task<long> GivenAsync(string subject) =>
        CountAsync($"SELECT count(*) FROM notifications.notices WHERE subject LIKE '{subject}%' AND link = ANY(@p)", appeals.Select(id => $"/appeals/{id}").ToArray());

    /// <summary>
    /// The nodes (Wolverine's node numbers) holding envelopes not yet handled: the burst's reminders and the events they
    /// publish, the only work in this database meanwhile. Read from Wolverine's table, as is the rescheduling: the
    /// storage API belongs to a running node, and this test process must not be one.
    /// </summary>
    private async Task<IReadOnlySet<int>> HoldingNodesAsync()
    {
        var owners = new HashSet<int>();
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT DISTINCT owner_id FROM wolverine.wolverine_incoming_envelopes WHERE status = 'Incoming' AND owner_id <> 0", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            owners.Add(reader.GetInt32(0));
        }

        return owners;
    }

    private async Task<int> OutsideAsync(string sql, Guid[] ids)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", ids);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The node number Wolverine gave the host process that started last.</summary>
    private async Task<int> NewestNodeAsync() => Convert.ToInt32(await ScalarAsync("SELECT max(node_number) FROM wolverine.wolverine_nodes"));

    /// <summary>Waits until each appeal's reminder email was sent (fails after two minutes).</summary>
    private static async Task WaitForEmailsAsync(string folder, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        int sent;
        while ((sent = Emails(folder, subject).Select(e => Header(e, "Subject:")).Distinct().Count()) < Count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{sent} of {Count} '{subject}' emails sent");
            await Task.Delay(250);
        }
    }

    private static List<string> Emails(string folder, string subject) =>
        Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Where(e => e.Contains($"Subject: {subject}", StringComparison.Ordinal)).ToList();

    private static string Header(string email, string name) =>
        email.Split('\n').Single(l => l.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Trim();
}
