using Aims.BuildingBlocks.Messaging;
using Aims.MessagingProbe;
using Aims.Notifications.Contracts;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// Wolverine in separate OS processes: a host killed mid-delivery loses nothing and duplicates nothing, and two hosts on
/// one database run each event's receiver and each scheduled message exactly once between them, and send each queued
/// email once with its own Message-ID (ADR 0047).
/// </summary>
public sealed class RelayProcessTests
{
    [SetUp]
    public Task SetUp() => ProbeServices.ResetAsync();

    [Test]
    public async Task Host_killed_after_a_receiver_committed_but_before_the_acknowledgement_runs_each_receiver_once_after_restart()
    {
        var database = BuildingBlocksDatabase.ConnectionString;
        Guid noteId;
        await using (var publisher = ProbeServices.Create(deliverEvents: false))
        {
            await WolverineInbox.ClearAsync(publisher);
            noteId = await publisher.SendAsync(new AddNote("survives a crash"));
            await ProbeServices.StopWolverineAsync(publisher);
        }

        await using (var doomed = await ProbeProcess.StartAsync(stallAfterReceiver: true))
        {
            await doomed.GoAsync();
            (await doomed.WaitForLineAsync("STALLED", TimeSpan.FromSeconds(30))).ShouldBe($"STALLED {noteId}");
            // The stalling handler runs on its own envelope, so the receiver may commit just before or after it stalls.
            await WaitUntilAsync(() => ProbeServices.CountAsync("probe.received"), 1, TimeSpan.FromSeconds(30));
            await doomed.KillAsync();
        }

        // The receiver's envelope was marked handled in the receiver's own transaction; the stalled one was not.
        (await WolverineInbox.CountOutsideAsync(database)).ShouldBe((1, 1));

        await using (var successor = await ProbeProcess.StartAsync())
        {
            await successor.GoAsync();
            await WolverineInbox.WaitUntilHandledOutsideAsync(database, TimeSpan.FromSeconds(60));
        }

        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
        (await ProbeServices.ScalarAsync<Guid>("SELECT note_id FROM probe.received")).ShouldBe(noteId);
        (await WolverineInbox.CountOutsideAsync(database)).ShouldBe((2, 0));
    }

    [Test]
    public async Task Two_host_processes_racing_over_500_published_events_run_the_receiver_once_per_event()
    {
        const int count = 500;
        await using (var publisher = ProbeServices.Create(deliverEvents: false))
        {
            await WolverineInbox.ClearAsync(publisher);
            for (var n = 1; n <= count; n += 50)
            {
                await publisher.InUnitOfWorkAsync(async provider =>
                {
                    var bus = provider.GetRequiredService<IOutbox>();
                    for (var i = 0; i < 50; i++)
                    {
                        await bus.PublishAsync(new NoteAdded(Guid.NewGuid(), "race"));
                    }

                    return true;
                });
            }

            await ProbeServices.StopWolverineAsync(publisher);
        }

        await using var first = await ProbeProcess.StartAsync();
        await using var second = await ProbeProcess.StartAsync();
        await Task.WhenAll(first.GoAsync(), second.GoAsync());
        await WolverineInbox.WaitUntilHandledOutsideAsync(BuildingBlocksDatabase.ConnectionString, TimeSpan.FromSeconds(90));

        (await ProbeServices.CountAsync("probe.received")).ShouldBe(count);
        (await ProbeServices.CountAsync("(SELECT DISTINCT note_id FROM probe.received) d")).ShouldBe(count);
        var byFirst = await ProbeServices.CountAsync($"probe.received WHERE process_id = {first.Id}");
        var bySecond = await ProbeServices.CountAsync($"probe.received WHERE process_id = {second.Id}");
        TestContext.Out.WriteLine($"first process handled {byFirst}, second {bySecond}");
        (byFirst + bySecond).ShouldBe(count);
    }

    [Test]
    public async Task Two_host_processes_over_500_queued_emails_send_each_once_with_its_own_message_id()
    {
        const int count = 500;
        await using var smtp = new SmtpTestServer();
        var settings = new Dictionary<string, string?>(smtp.MailSettings) { ["Aims:Mail:From"] = "AIMS <no-reply@aims.test>" };
        var queued = new List<string>();
        await using (var publisher = ProbeServices.Create(settings: settings, deliverEvents: false))
        {
            await WolverineInbox.ClearAsync(publisher);
            for (var n = 0; n < count; n += 50)
            {
                queued.AddRange(await publisher.InUnitOfWorkAsync(async provider =>
                {
                    var mail = provider.GetRequiredService<IOutgoingMail>();
                    var ids = new List<string>();
                    for (var i = 0; i < 50; i++)
                    {
                        ids.Add(await mail.QueueAsync(new EmailMessage($"pat{n + i}@provider.example", "Hearing notice", "Your hearing is on 01/19/2027.")));
                    }

                    return ids;
                }));
            }

            await ProbeServices.StopWolverineAsync(publisher);
        }

        smtp.Received.ShouldBeEmpty();
        await using var first = await ProbeProcess.StartAsync(settings: settings);
        await using var second = await ProbeProcess.StartAsync(settings: settings);
        await Task.WhenAll(first.GoAsync(), second.GoAsync());
        await WolverineInbox.WaitUntilHandledOutsideAsync(BuildingBlocksDatabase.ConnectionString, TimeSpan.FromSeconds(120));

        var sent = smtp.Received.Select(r => $"<{r.Message.MessageId}>").ToList();
        sent.Count.ShouldBe(count, "none sent twice");
        sent.ShouldBe(queued, ignoreOrder: true);
        (await ProbeServices.CountAsync("notifications.outgoing WHERE sent_at IS NOT NULL")).ShouldBe(count);
    }

    [Test]
    public async Task Two_host_processes_over_1000_scheduled_messages_deliver_each_exactly_once()
    {
        const int count = 1000;
        await using (var publisher = ProbeServices.Create(deliverEvents: false))
        {
            await WolverineInbox.ClearAsync(publisher);
            await publisher.InUnitOfWorkAsync(async provider =>
            {
                var bus = provider.GetRequiredService<IOutbox>();
                for (var n = 1; n <= count; n++)
                {
                    await bus.ScheduleAsync(new ProbeMessage(n), DateTimeOffset.UtcNow.AddSeconds(3), key: $"probe:{n}");
                }

                return true;
            });
            await ProbeServices.StopWolverineAsync(publisher);
        }

        await using var first = await ProbeProcess.StartAsync();
        await using var second = await ProbeProcess.StartAsync();
        await Task.WhenAll(first.GoAsync(), second.GoAsync());
        await WolverineInbox.WaitUntilHandledOutsideAsync(BuildingBlocksDatabase.ConnectionString, TimeSpan.FromSeconds(90));

        (await ProbeServices.CountAsync("probe.received")).ShouldBe(count);
        (await ProbeServices.CountAsync("(SELECT DISTINCT message_id FROM probe.received) d")).ShouldBe(count);
        (await ProbeServices.CountAsync("messaging.scheduled")).ShouldBe(0, "each key was taken by its one delivery");
        var byFirst = await ProbeServices.CountAsync($"probe.received WHERE process_id = {first.Id}");
        var bySecond = await ProbeServices.CountAsync($"probe.received WHERE process_id = {second.Id}");
        // Wolverine's scheduled-job poll runs on the node that holds the durability agent, which runs what it polls.
        TestContext.Out.WriteLine($"first process handled {byFirst}, second {bySecond}");
        (byFirst + bySecond).ShouldBe(count);
    }

    private static async Task WaitUntilAsync(Func<Task<long>> probe, long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long seen;
        while ((seen = await probe()) != expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {timeout.TotalSeconds} s for {expected}, saw {seen}.");
            }

            await Task.Delay(100);
        }
    }
}
