using Aims.BuildingBlocks.Messaging;
using Aims.Notifications.Contracts;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Sending;

internal sealed class OutgoingTextMessages(IOutbox bus, OutgoingLog log, IOptions<TextMessageOptions> options) : IOutgoingTextMessages
{
    public string From => options.Value.From;

    public async Task<string> QueueAsync(string to, string body, CancellationToken cancellationToken = default)
    {
        var messageId = Guid.CreateVersion7().ToString("N");
        var send = new SendTextMessage(messageId, to, body);
        var envelope = await bus.SendAsync(send, cancellationToken);
        await log.QueuedAsync(messageId, OutgoingLog.Text, to, subject: null, send, envelope, cancellationToken);
        return messageId;
    }
}
