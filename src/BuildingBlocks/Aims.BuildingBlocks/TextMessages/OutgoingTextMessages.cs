using Aims.BuildingBlocks.Messaging;

namespace Aims.BuildingBlocks.TextMessages;

internal sealed class OutgoingTextMessages(StandInQueue queue) : IOutgoingTextMessages
{
    public async Task<string> QueueAsync(string to, string body, CancellationToken cancellationToken = default)
    {
        var messageId = Guid.CreateVersion7().ToString("N");
        await queue.QueueAsync(new SendTextMessage(messageId, to, body), cancellationToken);
        return messageId;
    }
}
