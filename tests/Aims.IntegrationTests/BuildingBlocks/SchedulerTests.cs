using Aims.BuildingBlocks.Messaging;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// Scheduled messages on Wolverine (ADR 0041): due times on a moved AIMS clock, a key moved later or earlier, a cancel,
/// a superseded envelope that fires anyway dropped on delivery, and retries with backoff.
/// </summary>
public sealed class SchedulerTests : ProbeTest
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Start);

    protected override TimeProvider Clock => clock;

    [SetUp]
    public void StartTheClock()
    {
        clock.SetUtcNow(Start);
        RecordingReceiver.FailuresSoFar = 0;
    }

    [Test]
    public async Task Message_is_not_delivered_before_its_due_time_and_is_delivered_after()
    {
        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(1));
        (await WolverineInbox.ScheduledAsync(Services)).Single().DueAt.ShouldBe(Start.AddHours(1));

        clock.SetUtcNow(Start.AddMinutes(59));
        (await WolverineInbox.MakeDueAsync(Services)).ShouldBe(0);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // longer than Wolverine's scheduled-job poll
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(0);

        clock.SetUtcNow(Start.AddHours(1));
        (await WolverineInbox.MakeDueAsync(Services)).ShouldBe(1);
        await WolverineInbox.WaitUntilHandledAsync(Services);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
        (await WolverineInbox.ScheduledAsync(Services)).ShouldBeEmpty();
    }

    [Test]
    public async Task Scheduled_messages_run_within_about_a_second_of_their_time_and_never_before_it()
    {
        // Not moved by a test: five messages due 3.0 to 3.8 s from now by Wolverine's own (system) clock, after one that
        // shows the scheduled-job poller is running. Wolverine's default poll (5 s) would make them up to 5 s late.
        await ScheduleAsync(new ProbeMessage(0), clock.GetUtcNow().AddSeconds(1));
        await Eventually.TrueAsync(async () => await ProbeServices.CountAsync("probe.received") == 1, "the poller to run", TimeSpan.FromSeconds(15));
        for (var i = 1; i <= 5; i++)
        {
            await ScheduleAsync(new ProbeMessage(i), clock.GetUtcNow().AddSeconds(2.8 + (0.2 * i)));
        }

        var due = (await WolverineInbox.ScheduledAsync(Services)).ToDictionary(s => s.Envelope.Id, s => s.Envelope.ScheduledTime!.Value);
        due.Count.ShouldBe(5);
        await Eventually.TrueAsync(async () => await ProbeServices.CountAsync("probe.received") == 6, "the five to run", TimeSpan.FromSeconds(20));

        var late = new List<TimeSpan>();
        foreach (var id in due.Keys)
        {
            // probe.received's clock_timestamp() and Wolverine's system clock are the same machine's clock.
            var received = await ProbeServices.ScalarAsync<DateTime>($"SELECT received_at FROM probe.received WHERE message_id = '{id}'");
            late.Add(new DateTimeOffset(received, TimeSpan.Zero) - due[id]);
        }

        TestContext.Out.WriteLine($"late by: {string.Join(", ", late.Select(l => $"{l.TotalMilliseconds:0} ms"))}");
        late.ShouldAllBe(l => l >= TimeSpan.Zero, "none ran before its time");
        late.Order().ElementAt(2).ShouldBeLessThan(TimeSpan.FromSeconds(1), "the median is within the 1 s poll");
        late.Max().ShouldBeLessThan(TimeSpan.FromSeconds(1.5), "the 1 s poll, plus the run on a loaded machine");
    }

    [Test]
    public async Task Scheduling_again_with_the_same_key_moves_the_message_later_and_the_old_time_passes_without_delivery()
    {
        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(1), key: "hearing-reminder:42");
        await ScheduleAsync(new ProbeMessage(2), Start.AddHours(3), key: "hearing-reminder:42");

        var waiting = await WolverineInbox.ScheduledAsync(Services);
        waiting.Count.ShouldBe(1, "the replaced envelope is cancelled in Wolverine after the commit");
        waiting[0].Key.ShouldBe("hearing-reminder:42");
        waiting[0].DueAt.ShouldBe(Start.AddHours(3));

        clock.SetUtcNow(Start.AddHours(2));
        (await WolverineInbox.MakeDueAsync(Services)).ShouldBe(0);

        clock.SetUtcNow(Start.AddHours(3));
        (await WolverineInbox.MakeDueAsync(Services)).ShouldBe(1);
        await WolverineInbox.WaitUntilHandledAsync(Services);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
    }

    [Test]
    public async Task Scheduling_again_with_the_same_key_moves_the_message_earlier_and_it_is_delivered_once()
    {
        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(3), key: "hearing-reminder:43");
        await ScheduleAsync(new ProbeMessage(2), Start.AddHours(1), key: "hearing-reminder:43");

        clock.SetUtcNow(Start.AddHours(1));
        (await WolverineInbox.MakeDueAsync(Services)).ShouldBe(1);
        await WolverineInbox.WaitUntilHandledAsync(Services);
        clock.SetUtcNow(Start.AddHours(3));
        (await WolverineInbox.MakeDueAsync(Services)).ShouldBe(0);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
    }

    [Test]
    public async Task Scheduling_the_same_plan_again_keeps_the_envelope_it_has()
    {
        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(1), key: "hearing-reminder:44");
        var first = (await WolverineInbox.ScheduledAsync(Services)).Single().Envelope.Id;

        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(1), key: "hearing-reminder:44");

        (await WolverineInbox.ScheduledAsync(Services)).Single().Envelope.Id.ShouldBe(first);
    }

    [Test]
    public async Task Cancelled_message_is_never_delivered()
    {
        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(1), key: "reminder:withdrawn-appeal");

        var cancelled = await InCommandAsync(bus => bus.CancelAsync("reminder:withdrawn-appeal"));
        var cancelledAgain = await InCommandAsync(bus => bus.CancelAsync("reminder:withdrawn-appeal"));

        cancelled.ShouldBeTrue();
        cancelledAgain.ShouldBeFalse();
        (await WolverineInbox.ScheduledAsync(Services)).ShouldBeEmpty();
        clock.SetUtcNow(Start.AddDays(1));
        (await WolverineInbox.MakeDueAsync(Services)).ShouldBe(0);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(0);
    }

    [Test]
    public async Task A_schedule_rolled_back_with_its_change_never_fires()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<Aims.BuildingBlocks.Persistence.DbSession>();
            await session.BeginAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IOutbox>().ScheduleAsync(new ProbeMessage(1), Start.AddHours(1), "reminder:rolled-back");
            await session.RollbackAsync();
        }

        (await WolverineInbox.EnvelopesAsync(Services)).ShouldBeEmpty();
        (await ProbeServices.CountAsync("messaging.scheduled")).ShouldBe(0);
    }

    [Test]
    public async Task A_superseded_envelope_that_fires_anyway_is_dropped_on_delivery()
    {
        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(1), key: "hearing-reminder:45");
        var envelope = (await WolverineInbox.ScheduledAsync(Services)).Single().Envelope;
        // As if a later schedule for the key had committed and the host died before cancelling this envelope.
        await ProbeServices.ExecuteAsync("UPDATE messaging.scheduled SET envelope_id = gen_random_uuid() WHERE key = 'hearing-reminder:45'");

        clock.SetUtcNow(Start.AddHours(1));
        (await WolverineInbox.MakeDueAsync(Services)).ShouldBe(1);
        await WolverineInbox.WaitUntilHandledAsync(Services);

        (await ProbeServices.CountAsync("probe.received")).ShouldBe(0);
        (await WolverineInbox.EnvelopesAsync(Services)).Single(e => e.Id == envelope.Id).Status.ShouldBe(Wolverine.EnvelopeStatus.Handled);
    }

    [Test]
    public async Task Failed_delivery_is_retried_with_backoff_then_succeeds()
    {
        await ScheduleAsync(new ProbeMessage(1, FailTimes: 2), Start);

        await WolverineInbox.WaitUntilHandledAsync(Services); // fails, retried 0.2 s later, fails, retried 1 s later

        RecordingReceiver.FailuresSoFar.ShouldBe(3);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
        (await WolverineInbox.DeadLettersAsync(Services)).ShouldBeEmpty();
    }

    private Task ScheduleAsync(IMessage message, DateTimeOffset dueAt, string? key = null) =>
        InCommandAsync(async bus =>
        {
            await bus.ScheduleAsync(message, dueAt, key);
            return true;
        });

    private Task<T> InCommandAsync<T>(Func<IOutbox, Task<T>> action) =>
        Services.InUnitOfWorkAsync(provider => action(provider.GetRequiredService<IOutbox>()));
}
