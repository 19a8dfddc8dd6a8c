using Aims.BuildingBlocks.Persistence;
using Aims.MessagingProbe;
using Aims.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using EnvelopeStatus = Wolverine.EnvelopeStatus;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// Integration events through Wolverine's outbox in the unit of work's transaction: one envelope per receiver, each
/// receiver once, correlation carried, nothing before the commit and nothing after a rollback.
/// </summary>
public sealed class OutboxTests : ProbeTest
{
    /// <summary>The scheduled retries a second apart (30 s, 2 min and 10 min in production), so a poison's last one comes soon.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Aims:Messaging:ScheduledRetries:0"] = "00:00:01",
        ["Aims:Messaging:ScheduledRetries:1"] = "00:00:01",
        ["Aims:Messaging:ScheduledRetries:2"] = "00:00:01",
    };

    [Test]
    public async Task Published_event_is_delivered_once_to_each_receiver_with_the_senders_correlation_id()
    {
        var noteId = await Services.SendAsync(new AddNote("deliver me"), correlationId: "trace-1");

        await WolverineInbox.WaitUntilHandledAsync(Services);

        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
        (await ProbeServices.ScalarAsync<Guid>("SELECT note_id FROM probe.received")).ShouldBe(noteId);
        (await ProbeServices.ScalarAsync<string>("SELECT correlation_id FROM probe.received")).ShouldBe("trace-1");
        var envelopes = await WolverineInbox.EnvelopesAsync(Services);
        // NoteAdded has two receivers (the recording receiver and the stalling handler): an envelope each, both handled.
        envelopes.Count.ShouldBe(2);
        envelopes.ShouldAllBe(e => e.Status == EnvelopeStatus.Handled);
        envelopes.Select(e => e.Headers["aims-receiver"]).Order().ShouldBe([typeof(RecordingReceiver).FullName, typeof(StallingHandler).FullName]);
    }

    [Test]
    public async Task Each_of_three_commands_sent_in_one_scope_has_its_event_delivered()
    {
        // As a page or the demo seeder does: one request scope, one command after another, each its own transaction.
        await using var scope = Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var ids = new List<Guid>();
        foreach (var text in new[] { "first", "second", "third" })
        {
            ids.Add(await mediator.Send(new AddNote(text)));
        }

        await WolverineInbox.WaitUntilHandledAsync(Services);

        (await ProbeServices.CountAsync("probe.received")).ShouldBe(3);
        (await WolverineInbox.EnvelopesAsync(Services)).Count.ShouldBe(6);
    }

    [Test]
    public async Task Event_of_a_command_that_fails_after_publishing_is_never_stored_nor_delivered()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => Services.SendAsync(new AddNote("rolled back", FailAfterWrite: true)));
        await Task.Delay(1500);

        (await WolverineInbox.EnvelopesAsync(Services)).ShouldBeEmpty();
        (await ProbeServices.CountAsync("probe.notes")).ShouldBe(0);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(0);
    }

    [Test]
    public async Task Event_is_not_visible_to_Wolverine_before_the_transaction_commits()
    {
        await using var scope = Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<Aims.BuildingBlocks.Messaging.IOutbox>().PublishAsync(new NoteAdded(Guid.NewGuid(), "not yet"));
        await Task.Delay(1500);

        (await WolverineInbox.EnvelopesAsync(Services)).ShouldBeEmpty();
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(0);

        await session.CommitAsync(CancellationToken.None);
        await WolverineInbox.WaitUntilHandledAsync(Services);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
    }

    [Test]
    public async Task A_receiver_that_cannot_succeed_is_dead_lettered_at_once_with_its_error_and_blocks_neither_the_other_receiver_nor_later_events()
    {
        var poison = await PoisonAsync();

        poison.ExceptionType.ShouldBe(typeof(Aims.BuildingBlocks.Messaging.PermanentFailureException).FullName);
        poison.ExceptionMessage.ShouldContain("is poison to this receiver");
        poison.Envelope.Headers["aims-receiver"].ShouldBe(typeof(StallingHandler).FullName);
        // The other receiver of the same event committed, and an event published after the poison is delivered.
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
        await Services.SendAsync(new AddNote("after the poison"));
        await WolverineInbox.WaitUntilHandledAsync(Services);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(2);
        StallingHandler.PoisonAccepted.ShouldBe(0);
    }

    [Test]
    public async Task A_receiver_that_always_throws_is_retried_then_dead_lettered_while_100_other_events_are_delivered_meanwhile()
    {
        StallingHandler.AlwaysFailsAttempts = 0;
        await Services.SendAsync(new AddNote(StallingHandler.AlwaysFails));
        for (var n = 1; n <= 100; n++)
        {
            await Services.SendAsync(new AddNote($"meanwhile {n}"));
        }

        var dead = (await WolverineInbox.WaitForDeadLettersAsync(Services, 1, TimeSpan.FromSeconds(60))).Single();
        var receivedBeforeItDied = await ProbeServices.CountAsync("probe.received");

        // Its retries (0.2 s, 1 s, 5 s, then three scheduled) held up nothing: every other envelope was handled meanwhile.
        receivedBeforeItDied.ShouldBe(101);
        StallingHandler.AlwaysFailsAttempts.ShouldBe(7, "the first try, three quick retries and three scheduled ones");
        dead.ExceptionType.ShouldBe(typeof(InvalidOperationException).FullName);
        dead.ExceptionMessage.ShouldContain("fails every time");
        dead.Envelope.Headers["aims-receiver"].ShouldBe(typeof(StallingHandler).FullName);
        await WolverineInbox.WaitUntilHandledAsync(Services);
        (await WolverineInbox.EnvelopesAsync(Services)).Count(e => e.Status == EnvelopeStatus.Handled).ShouldBe(201);
    }

    [Test]
    public async Task A_dead_letter_replayed_through_Wolverines_storage_runs_its_receiver_again_once_the_cause_is_fixed()
    {
        var poison = await PoisonAsync();
        StallingHandler.RefusePoison = false;

        await Services.GetRequiredService<IMessageStore>().DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([poison.Id]), CancellationToken.None);

        await WolverineInbox.WaitForDeadLettersAsync(Services, 0);
        await WolverineInbox.WaitUntilHandledAsync(Services);
        StallingHandler.PoisonAccepted.ShouldBe(1);
        // Only the replayed receiver ran again: the recording receiver had committed, and is not repeated.
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
    }

    [Test]
    public async Task A_dead_letter_discarded_through_Wolverines_storage_is_gone_and_never_runs()
    {
        var poison = await PoisonAsync();
        StallingHandler.RefusePoison = false;

        await Services.GetRequiredService<IMessageStore>().DeadLetters.DiscardAsync(new DeadLetterEnvelopeQuery([poison.Id]), CancellationToken.None);
        await Task.Delay(1500);

        (await WolverineInbox.DeadLettersAsync(Services)).ShouldBeEmpty();
        StallingHandler.PoisonAccepted.ShouldBe(0);
    }

    /// <summary>Publishes a note the second receiver refuses for good, and returns its one dead letter.</summary>
    private async Task<DeadLetterEnvelope> PoisonAsync()
    {
        StallingHandler.RefusePoison = true;
        StallingHandler.PoisonAccepted = 0;
        await Services.SendAsync(new AddNote(StallingHandler.Poison));
        var dead = await WolverineInbox.WaitForDeadLettersAsync(Services, 1);
        await WolverineInbox.WaitUntilHandledAsync(Services);
        return dead.Single();
    }

    [TearDown]
    public void AcceptPoisonAgain() => StallingHandler.RefusePoison = false;
}
