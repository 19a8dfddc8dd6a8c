using Aims.BuildingBlocks.Messaging;
using MailKit.Net.Smtp;
using MailKit.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Sending;

/// <summary>
/// Sends one queued email with MailKit (ADR 0030). A failure throws, so Wolverine retries it with backoff (ADR 0047); a mailbox
/// the server refuses permanently (5.x.x) or a malformed address can never succeed and is dead-lettered at once.
/// </summary>
internal sealed class SendEmailHandler(IOptions<MailOptions> options, OutgoingLog log) : INotificationHandler<SendEmail>
{
    public async Task Handle(SendEmail notification, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = MimeMessageFactory.Create(notification, settings.From);
        if (settings.Delivery == MailDelivery.Folder)
        {
            // Written aside and then renamed, so whoever lists the folder (the outbox page, a test) never opens a half-written file.
            Directory.CreateDirectory(settings.Folder);
            var name = Path.Combine(settings.Folder, $"{Guid.CreateVersion7():N}");
            await message.WriteToAsync(name + ".tmp", cancellationToken);
            File.Move(name + ".tmp", name + ".eml");
            await log.SentAsync(notification.MessageId, cancellationToken);
            return;
        }

        using var smtp = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        try
        {
            // StartTls (not "when available"): a server that cannot upgrade gets nothing in clear; the send is retried.
            await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (settings.SmtpUserName is not null)
            {
                await smtp.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
            }

            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
            await log.SentAsync(notification.MessageId, cancellationToken);
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)refused.StatusCode is >= 550 and < 560)
        {
            throw new PermanentFailureException($"The mail server refused '{notification.To}': {(int)refused.StatusCode} {refused.Message}", refused);
        }
    }
}
