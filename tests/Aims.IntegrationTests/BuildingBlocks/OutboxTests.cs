using Aims.BuildingBlocks.Messaging;
using Aims.MessagingProbe;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>Outbox delivery in-process: each handler once, idempotent on redelivery, correlation carried.</summary>
public sealed class OutboxTests : ProbeTest
{
    private MessagePump Pump => Services.GetRequiredService<MessagePump>();

    [Test]
    public async Task Published_event_is_delivered_once_to_the_receiver_with_the_senders_correlation_id()
    {
        var noteId = await Services.SendAsync(new AddNote("deliver me"), correlationId: "trace-1");

        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(0);

        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
        (await ProbeServices.ScalarAsync<Guid>("SELECT note_id FROM probe.received")).ShouldBe(noteId);
        (await ProbeServices.ScalarAsync<string>("SELECT correlation_id FROM probe.received")).ShouldBe("trace-1");
        (await ProbeServices.ScalarAsync<short>("SELECT status FROM messaging.messages")).ShouldBe((short)MessageStatus.Delivered);
    }

    [Test]
    public async Task Redelivered_message_is_skipped_by_handlers_that_already_committed_it()
    {
        await Services.SendAsync(new AddNote("twice"));
        await Pump.ProcessDueAsync(CancellationToken.None);

        // As if the relay died after the handlers committed but before it marked the message delivered.
        await ProbeServices.ExecuteAsync("UPDATE messaging.messages SET status = 0, completed_at = NULL, locked_by = NULL");
        (await Pump.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

        (await ProbeServices.CountAsync("probe.received")).ShouldBe(1);
        (await ProbeServices.CountAsync("messaging.inbox")).ShouldBe(2); // the receiver and the stalling handler, once each
    }
}
