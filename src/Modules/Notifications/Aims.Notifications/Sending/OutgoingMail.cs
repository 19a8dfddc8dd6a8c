using Aims.BuildingBlocks.Messaging;
using Aims.Notifications.Contracts;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Sending;

internal sealed class OutgoingMail(IOutbox bus, OutgoingLog log, IOptions<MailOptions> options) : IOutgoingMail
{
    public string From => options.Value.From;

    public async Task<string> QueueAsync(EmailMessage email, CancellationToken cancellationToken = default)
    {
        var messageId = $"<{Guid.CreateVersion7():N}@{options.Value.MessageIdDomain}>";
        var send = new SendEmail(messageId, email.To, email.Subject, email.TextBody, email.HtmlBody, email.Attachments);
        var envelope = await bus.SendAsync(send, cancellationToken);
        await log.QueuedAsync(messageId, OutgoingLog.Email, email.To, email.Subject, send, envelope, cancellationToken);
        return messageId;
    }
}
