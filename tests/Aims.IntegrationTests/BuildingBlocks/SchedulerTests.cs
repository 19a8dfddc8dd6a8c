using Aims.BuildingBlocks.Messaging;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>Scheduled messages: due times on a moved clock, replace and cancel by key, backoff, dead letters.</summary>
public sealed class SchedulerTests : ProbeTest
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Start);

    protected override TimeProvider Clock => clock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Aims:Messaging:MaxAttempts"] = "3",
        ["Aims:Messaging:RetryBaseDelay"] = "00:00:05",
    };

    private MessagePump Pump => Services.GetRequiredService<MessagePump>();

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

        clock.SetUtcNow(Start.AddMinutes(59));
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(0);

        clock.SetUtcNow(Start.AddHours(1));
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
    }

    [Test]
    public async Task Scheduling_again_with_the_same_key_moves_the_pending_message_instead_of_adding_one()
    {
        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(1), key: "hearing-reminder:42");
        await ScheduleAsync(new ProbeMessage(2), Start.AddHours(3), key: "hearing-reminder:42");

        (await ProbeServices.CountAsync("messaging.messages WHERE status = 0")).ShouldBe(1);
        (await ProbeServices.ScalarAsync<DateTime>("SELECT due_at FROM messaging.messages")).ShouldBe(Start.AddHours(3).UtcDateTime);

        clock.SetUtcNow(Start.AddHours(2));
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Test]
    public async Task Cancelled_message_is_never_delivered()
    {
        await ScheduleAsync(new ProbeMessage(1), Start.AddHours(1), key: "reminder:withdrawn-appeal");

        var cancelled = await InCommandAsync(bus => bus.CancelAsync("reminder:withdrawn-appeal"));
        var cancelledAgain = await InCommandAsync(bus => bus.CancelAsync("reminder:withdrawn-appeal"));

        cancelled.ShouldBeTrue();
        cancelledAgain.ShouldBeFalse();
        clock.SetUtcNow(Start.AddDays(1));
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(0);
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Cancelled);
    }

    [Test]
    public async Task Failed_delivery_is_retried_after_an_exponential_backoff_then_succeeds()
    {
        await ScheduleAsync(new ProbeMessage(1, FailTimes: 2), Start);

        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1); // attempt 1 fails → retry 5 s later
        (await ProbeServices.ScalarAsync<DateTime>("SELECT due_at FROM messaging.messages")).ShouldBe(Start.AddSeconds(5).UtcDateTime);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain("Probe failure 1 of 2");

        clock.SetUtcNow(Start.AddSeconds(4));
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(0);

        clock.SetUtcNow(Start.AddSeconds(5));
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1); // attempt 2 fails → retry 10 s later
        (await ProbeServices.ScalarAsync<DateTime>("SELECT due_at FROM messaging.messages")).ShouldBe(Start.AddSeconds(15).UtcDateTime);

        clock.SetUtcNow(Start.AddSeconds(15));
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1); // attempt 3 succeeds
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Delivered);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
    }

    [Test]
    public async Task Message_that_keeps_failing_is_dead_lettered_after_the_last_attempt_with_its_error()
    {
        await ScheduleAsync(new ProbeMessage(1, FailTimes: 100), Start);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            clock.SetUtcNow(Start.AddHours(attempt));
            (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);
        }

        clock.SetUtcNow(Start.AddDays(1));
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(0);
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.DeadLettered);
        (await ProbeServices.ScalarAsync<int>("SELECT attempts FROM messaging.messages")).ShouldBe(3);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain("Probe failure 3 of 100");
    }

    [Test]
    public async Task Message_of_a_type_no_module_declares_is_dead_lettered_at_once()
    {
        await ProbeServices.ExecuteAsync(
            "INSERT INTO messaging.messages (id, type, payload, due_at, created_at) " +
            "VALUES (gen_random_uuid(), 'Gone.Module.OldEvent', '{}', '2026-11-20T13:00:00Z', '2026-11-20T13:00:00Z')");

        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.DeadLettered);
        (await ProbeServices.ScalarAsync<string>("SELECT last_error FROM messaging.messages")).ShouldContain("Gone.Module.OldEvent");
    }

    private Task ScheduleAsync(IMessage message, DateTimeOffset dueAt, string? key = null) =>
        InCommandAsync(async bus =>
        {
            await bus.ScheduleAsync(message, dueAt, key);
            return true;
        });

    private Task<T> InCommandAsync<T>(Func<IMessageBus, Task<T>> action) =>
        Services.InUnitOfWorkAsync(provider => action(provider.GetRequiredService<IMessageBus>()));
}
