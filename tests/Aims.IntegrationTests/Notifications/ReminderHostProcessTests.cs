using Aims.IntegrationTests.Appeals;
using Aims.IntegrationTests.Host;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace Aims.IntegrationTests.Notifications;

/// <summary>
/// Two real AIMS host processes (`dotnet Aims.Host.dll`, each on its own port, real clock) on one database: 500
/// decision-clock reminders due at once give exactly 500 notices, also when the host doing the work is killed (SIGKILL)
/// mid-burst. The appeals are filed in this fixture's portal (Mon 11/23/2026: the 180-day decision is due Sat
/// 05/22/2027, reminders 05/08 and 05/15); the portal's Wolverine then stops, and the reminders are made due now through
/// Wolverine's storage API, so only the host processes deliver them.
/// </summary>
public sealed class ReminderHostProcessTests() : AppealsTest("aims_test_reminder_processes")
{
    private const int Count = 500;
    private IReadOnlyList<Guid> appeals = [];

    [OneTimeSetUp]
    public async Task FileAppealsThenStopThePortalsWolverineAsync()
    {
        appeals = await FileInformalAppealsAsync("proc", Count);
        await WolverineInbox.WaitUntilHandledAsync(Portal.Services, TimeSpan.FromSeconds(120));
        // From here on the portal is no Wolverine node: it neither polls nor runs a reminder. Its message store still
        // answers the storage API (the container owns its data source).
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
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Emails(folder, "Decision due in 14 days").Count < Count)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, $"{Emails(folder, "Decision due in 14 days").Count} of {Count} reminder emails sent");
                await Task.Delay(250);
            }

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
            // Mail is at least once (ADR 0030): a host killed between sending and recording may send one again.
            Emails(folder, "Decision due in 7 days").Select(e => Header(e, "Subject:")).Distinct().Count().ShouldBe(Count);
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
        var store = Portal.Services.GetRequiredService<IMessageStore>();
        var keys = appeals.Select(id => $"appeal:{id}:remind:{kind}").ToHashSet();
        var due = (await WolverineInbox.EnvelopesAsync(store)).Where(e => e.Status == EnvelopeStatus.Scheduled && keys.Contains(WolverineInbox.KeyOf(e) ?? "")).ToList();
        due.Count.ShouldBe(Count);
        var now = DateTimeOffset.UtcNow;
        foreach (var envelope in due)
        {
            await store.ScheduledMessages.RescheduleAsync(envelope.Id, now, CancellationToken.None);
        }

        var owners = new HashSet<int>();
        var deadline = DateTime.UtcNow.AddSeconds(180);
        long given;
        while ((given = await GivenAsync(subject)) < Count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{given} of {Count} '{subject}' notices given");
            var holding = await HoldingNodesAsync(due.Select(e => e.Id).ToArray());
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
        var keys = appeals.Select(id => $"appeal:{id}:remind:{kind}").ToHashSet();
        var envelopes = (await WolverineInbox.EnvelopesAsync(Portal.Services)).Where(e => keys.Contains(WolverineInbox.KeyOf(e) ?? "")).ToList();
        envelopes.Count.ShouldBe(Count);
        envelopes.ShouldAllBe(e => e.Status == EnvelopeStatus.Handled);
        // Each key row was taken by its one delivery (ADR 0041): none is left to fire again.
        (await CountAsync("SELECT count(*) FROM messaging.scheduled WHERE key = ANY(@p)", keys.ToArray())).ShouldBe(0L);
    }

    private Task<long> GivenAsync(string subject) =>
        CountAsync($"SELECT count(*) FROM notifications.notices WHERE subject LIKE '{subject}%' AND link = ANY(@p)", appeals.Select(id => $"/appeals/{id}").ToArray());

    /// <summary>
    /// The node (Wolverine's node number) owning each of these envelopes not yet handled, read from Wolverine's table:
    /// the storage API does not say which node holds an envelope.
    /// </summary>
    private async Task<IReadOnlySet<int>> HoldingNodesAsync(Guid[] envelopeIds)
    {
        var owners = new HashSet<int>();
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT DISTINCT owner_id FROM wolverine.wolverine_incoming_envelopes WHERE id = ANY(@p) AND status = 'Incoming' AND owner_id <> 0", connection);
        command.Parameters.AddWithValue("p", envelopeIds);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            owners.Add(reader.GetInt32(0));
        }

        return owners;
    }

    /// <summary>The node number Wolverine gave the host process that started last.</summary>
    private async Task<int> NewestNodeAsync() => Convert.ToInt32(await ScalarAsync("SELECT max(node_number) FROM wolverine.wolverine_nodes"));

    private static List<string> Emails(string folder, string subject) =>
        Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).Where(e => e.Contains($"Subject: {subject}", StringComparison.Ordinal)).ToList();

    private static string Header(string email, string name) =>
        email.Split('\n').Single(l => l.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Trim();
}
