using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aims.BuildingBlocks.Messaging;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// The database going away and coming back: a request that needs it gets 503 problem details and works again after;
/// Wolverine nodes delivering a burst lose no event, run no receiver twice and recover by themselves (ADR 0054).
/// </summary>
public sealed class DatabaseOutageTests
{
    [Test]
    public async Task A_database_backed_request_gets_503_during_an_outage_and_succeeds_after_it_without_a_restart()
    {
        var direct = new NpgsqlConnectionStringBuilder(BuildingBlocksDatabase.ConnectionString);
        await using var proxy = new TcpProxy(direct.Host!, direct.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 };
        await using var web = await ProbeWebApp.StartAsync(throughProxy.ConnectionString);
        (await web.Client.GetAsync("/notes/count")).StatusCode.ShouldBe(HttpStatusCode.OK);

        proxy.Cut();
        var duringOutage = await web.Client.GetAsync("/notes/count");

        duringOutage.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        duringOutage.Headers.RetryAfter.ShouldNotBeNull();
        var problem = await duringOutage.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("The service is temporarily unavailable.");

        proxy.Restore();
        HttpStatusCode after = default;
        for (var attempt = 0; attempt < 20 && after != HttpStatusCode.OK; attempt++)
        {
            after = (await web.Client.GetAsync("/notes/count")).StatusCode;
        }

        after.ShouldBe(HttpStatusCode.OK);
    }

    /// <remarks>
    /// Two Wolverine nodes, both reaching PostgreSQL only through the proxy: a probe process (its own OS process) and a
    /// web host with /health/ready. 300 notes are published by a node that then leaves, so the nodes recover their
    /// 600 envelopes (two receivers each). Mid-burst every connection is cut and refused for 5 s — longer than the
    /// nodes' 3 s stale time, so the nodes may eject each other and hand envelopes still running elsewhere on.
    /// </remarks>
    [Test]
    public async Task PostgreSQL_gone_for_5_s_mid_burst_loses_no_event_runs_no_receiver_twice_and_the_nodes_recover_by_themselves()
    {
        const int count = 300;
        await ProbeServices.ResetAsync();
        var notes = await PublishNotesForOthersAsync(count);
        var direct = new NpgsqlConnectionStringBuilder(BuildingBlocksDatabase.ConnectionString);
        await using var proxy = new TcpProxy(direct.Host!, direct.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var web = await ProbeWebApp.StartAsync(throughProxy, FastNodes);
        await using var process = await ProbeProcess.StartAsync(connectionString: throughProxy);
        await process.GoAsync();

        await Eventually.TrueAsync(async () => await ReceivedAsync() >= 20, "the burst to start", TimeSpan.FromSeconds(60));
        proxy.Cut();
        var receivedAtCut = await ReceivedAsync();
        var readyDuringOutage = await web.Client.GetAsync("/health/ready");
        await Task.Delay(TimeSpan.FromSeconds(5));
        proxy.Restore();
        var back = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.TrueAsync(async () => (await web.Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "/health/ready to answer 200 again");
        var readyAfter = back.Elapsed;
        await WolverineInbox.WaitUntilHandledAsync(web.Services, TimeSpan.FromSeconds(120));
        var settled = back.Elapsed;
        // Time for a second run of any receiver to show, were a node going to give one.
        await Task.Delay(TimeSpan.FromSeconds(2));
        TestContext.Out.WriteLine($"{receivedAtCut} of {count} received at the cut; ready {readyAfter.TotalSeconds:0.0} s and every envelope handled {settled.TotalSeconds:0.0} s after the database returned");

        receivedAtCut.ShouldBeInRange(1, count - 1, "the cut fell mid-burst");
        readyDuringOutage.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ReceivedAsync()).ShouldBe(count, "each event's receiver ran exactly once");
        (await ProbeServices.CountAsync("(SELECT DISTINCT note_id FROM probe.received) d")).ShouldBe(count);
        (await ProbeServices.ScalarAsync<Guid[]>("SELECT array_agg(note_id) FROM probe.received")).ShouldBe(notes, ignoreOrder: true);
        (await WolverineInbox.EnvelopesAsync(web.Services)).Count(e => e.Status == Wolverine.EnvelopeStatus.Handled).ShouldBe(2 * count);
        (await WolverineInbox.DeadLettersAsync(web.Services)).ShouldBeEmpty("nothing was dead-lettered");
    }

    /// <summary>Probe nodes' timings (as the probe process has them): a silent node is ejected after 3 s.</summary>
    private static readonly IReadOnlyDictionary<string, string?> FastNodes = new Dictionary<string, string?>
    {
        ["Aims:Messaging:NodeStaleAfter"] = "00:00:03",
        ["Aims:Messaging:NodeHealthCheck"] = "00:00:01",
        ["Aims:Messaging:AgentAssignmentCheck"] = "00:00:01",
    };

    private static Task<long> ReceivedAsync() => ProbeServices.CountAsync("probe.received");

    /// <summary>Publishes <paramref name="count"/> <see cref="NoteAdded"/> events from a node that leaves before delivering them.</summary>
    private static async Task<Guid[]> PublishNotesForOthersAsync(int count)
    {
        var notes = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await using var publisher = ProbeServices.Create(deliverEvents: false);
        await WolverineInbox.ClearAsync(publisher);
        foreach (var batch in notes.Chunk(50))
        {
            await publisher.InUnitOfWorkAsync(async provider =>
            {
                var outbox = provider.GetRequiredService<IOutbox>();
                foreach (var note in batch)
                {
                    await outbox.PublishAsync(new NoteAdded(note, "outage"));
                }

                return true;
            });
        }

        await ProbeServices.StopWolverineAsync(publisher);
        return notes;
    }
}
