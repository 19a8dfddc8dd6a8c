using Aims.BuildingBlocks.Messaging;
using MimeKit;
using MimeKit.Utils;

namespace Aims.Notifications.Sending;

/// <summary>
/// A queued email as a MIME message: text and HTML as alternatives, attachments beside them, and the Message-ID fixed
/// when it was queued (so a retried send is the same message to the recipient's server).
/// </summary>
internal static class MimeMessageFactory
{
    public static MimeMessage Create(SendEmail email, string from)
    {
        var message = new MimeMessage { Subject = email.Subject, MessageId = MimeUtils.ParseMessageId(email.MessageId) ?? email.MessageId };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(Recipient(email.To));
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments ?? [])
        {
            // The content type keeps its parameters (a calendar's method=PUBLISH), which mail clients need to offer "add to calendar".
            body.Attachments.Add(attachment.FileName, System.Text.Encoding.UTF8.GetBytes(attachment.Content), ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>One mailbox (user@domain); anything else can never be delivered, so it is a permanent failure.</summary>
    private static MailboxAddress Recipient(string to)
    {
        if (MailboxAddress.TryParse(to, out var mailbox) && mailbox.Address.Split('@') is [{ Length: > 0 }, { Length: > 0 }])
        {
            return mailbox;
        }

        throw new PermanentFailureException($"The address '{to}' is malformed.");
    }
}
