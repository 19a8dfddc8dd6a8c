using Aims.BuildingBlocks.Messaging;

namespace Aims.BuildingBlocks.TextMessages;

internal sealed class OutgoingTextMessages(IMessageBus bus, TimeProvider time) : IOutgoingTextMessages
{
    public async Task<string> QueueAsync(string to, string body, CancellationToken cancellationToken = default)
    {
        var messageId = Guid.CreateVersion7().ToString("N");
        await bus.ScheduleAsync(new SendTextMessage(messageId, to, body), time.GetUtcNow(), cancellationToken: cancellationToken);
        return messageId;
    }
}
