using System.Text.Encodings.Web;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Web;

namespace Aims.Notifications.Centre;

/// <summary>
/// A notice as an email, in plain text and in HTML with the same words: greeting, what happened and what to do, a link
/// into AIMS, and both telephone numbers. Everything from the notice is encoded; the HTML uses inline styles only,
/// because email clients drop style sheets.
/// </summary>
internal static class NoticeEmail
{
    public static EmailMessage Compose(Recipient to, string subject, string body, string? link, ContactOptions contact)
    {
        var text = $"Hello {to.Name},\n\n{body}" + (link is null ? "" : $"\n\n{link}") + EmailText.Footer(contact)
            + $"\nQuestions about an appeal: the Appeals Division at {contact.AppealsDivisionPhone}.";
        var html = HtmlEncoder.Default;
        var paragraphs = string.Concat(body.Split("\n\n").Select(p => $"<p style=\"margin:0 0 16px\">{html.Encode(p)}</p>"));
        var button = link is null ? ""
            : $"<p style=\"margin:24px 0\"><a href=\"{html.Encode(link)}\" style=\"background:#005ea2;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px\">Open in AIMS</a></p>";
        var page = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{html.Encode(subject)}</title></head>
            <body style="font-family:Source Sans Pro,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;margin:0;padding:24px">
            <p style="margin:0 0 16px;font-weight:bold">AIMS — Virginia Medicaid appeals</p>
            <p style="margin:0 0 16px">Hello {html.Encode(to.Name)},</p>
            {paragraphs}{button}
            <p style="margin:24px 0 0;font-size:14px;color:#565c65">Questions? Call the AIMS helpline at {html.Encode(contact.HelplinePhone)}.
            Questions about an appeal: the Appeals Division at {html.Encode(contact.AppealsDivisionPhone)}.<br>
            Virginia Department of Medical Assistance Services — Appeals Division</p>
            </body></html>
            """;
        return new EmailMessage(to.Email, subject, text, page);
    }
}
