using Aims.BuildingBlocks.Persistence;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using EnvelopeStatus = Wolverine.EnvelopeStatus;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>
/// Integration events through Wolverine's outbox in the unit of work's transaction: one envelope per receiver, each
/// receiver once, correlation carried, nothing before the commit and nothing after a rollback.
/// </summary>
public sealed class OutboxTests : ProbeTest
{
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
        await scope.ServiceProvider.GetRequiredService<Aims.BuildingBlocks.Messaging.IMessageBus>().PublishAsync(new NoteAdded(Guid.NewGuid(), "not yet"));
        await Task.Delay(1500);

        (await WolverineInbox.EnvelopesAsync(Services)).ShouldBeEmpty();
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(0);

        await session.CommitAsync(CancellationToken.None);
        await WolverineInbox.WaitUntilHandledAsync(Services);
        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
    }
}
