using System.Net;
using System.Net.Mail;
using Aims.BuildingBlocks.Messaging;
using MediatR;
using Microsoft.Extensions.Options;

namespace Aims.BuildingBlocks.Mail;

/// <summary>
/// Sends one queued email. A failure throws, so the relay retries it with backoff; an address the server will never
/// accept is a permanent failure and is dead-lettered at once.
/// </summary>
internal sealed class SendEmailHandler(IOptions<MailOptions> options) : INotificationHandler<SendEmail>
{
    public async Task Handle(SendEmail notification, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(notification, cancellationToken);
        }
        catch (FormatException malformed)
        {
            throw new PermanentFailureException($"The address '{notification.To}' is malformed.", malformed);
        }
        catch (SmtpFailedRecipientException refused) when ((int)refused.StatusCode is >= 550 and < 560)
        {
            throw new PermanentFailureException($"The mail server refused '{notification.To}': {refused.Message}", refused);
        }
    }

    private async Task SendAsync(SendEmail notification, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = MailMessageFactory.Create(notification, settings.From);
        if (settings.Delivery == MailDelivery.Folder)
        {
            Directory.CreateDirectory(settings.Folder);
            using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Path.GetFullPath(settings.Folder) };
            await client.SendMailAsync(message, cancellationToken);
            return;
        }

        using var smtp = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.StartTls,
            Timeout = (int)settings.SmtpTimeout.TotalMilliseconds,
            Credentials = settings.SmtpUserName is null ? null : new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword),
        };
        await smtp.SendMailAsync(message, cancellationToken);
    }
}
