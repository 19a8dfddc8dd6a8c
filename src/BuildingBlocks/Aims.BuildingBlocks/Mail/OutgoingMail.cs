using Aims.BuildingBlocks.Messaging;
using Microsoft.Extensions.Options;

namespace Aims.BuildingBlocks.Mail;

internal sealed class OutgoingMail(StandInQueue queue, IOptions<MailOptions> options) : IOutgoingMail
{
    public async Task<string> QueueAsync(EmailMessage email, CancellationToken cancellationToken = default)
    {
        var messageId = $"<{Guid.CreateVersion7():N}@{options.Value.MessageIdDomain}>";
        await queue.QueueAsync(new SendEmail(messageId, email.To, email.Subject, email.TextBody, email.HtmlBody, email.Attachments), cancellationToken);
        return messageId;
    }
}
