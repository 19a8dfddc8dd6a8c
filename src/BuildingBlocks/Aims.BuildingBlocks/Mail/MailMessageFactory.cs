using System.Net.Mail;
using System.Net.Mime;

namespace Aims.BuildingBlocks.Mail;

internal static class MailMessageFactory
{
    public static MailMessage Create(SendEmail email, string from)
    {
        var message = new MailMessage(new MailAddress(from), new MailAddress(email.To))
        {
            Subject = email.Subject,
            Body = email.TextBody,
            IsBodyHtml = false,
        };
        message.Headers.Add("Message-ID", email.MessageId);
        if (email.HtmlBody is not null)
        {
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.HtmlBody, null, MediaTypeNames.Text.Html));
        }

        foreach (var attachment in email.Attachments ?? [])
        {
            // A calendar invitation is text; as an attachment with its method, mail clients offer to add it.
            message.Attachments.Add(Attachment.CreateAttachmentFromString(attachment.Content, attachment.FileName, System.Text.Encoding.UTF8, attachment.ContentType));
        }

        return message;
    }
}
