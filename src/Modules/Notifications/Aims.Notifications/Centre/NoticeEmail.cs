using System.Globalization;
using System.Text.Encodings.Web;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Localization;

namespace Aims.Notifications.Centre;

/// <summary>
/// A notice as an email, in plain text and in HTML with the same words: greeting, what happened and what to do, a link
/// into AIMS, and both telephone numbers. Everything from the notice is encoded; the HTML uses inline styles only,
/// because email clients drop style sheets. The frame is in the current language: the recipient's, when
/// <see cref="Notices"/> composes it for them (ADR 0025).
/// </summary>
internal static class NoticeEmail
{
    public static EmailMessage Compose(Recipient to, string subject, string body, string? link, ContactOptions contact, IStringLocalizer<NotificationsText> t)
    {
        var hello = t["Hello {0},", to.Name].Value;
        var appeals = t["Questions about an appeal: the Appeals Division at {0}.", contact.AppealsDivisionPhone].Value;
        var text = $"{hello}\n\n{body}" + (link is null ? "" : $"\n\n{link}") + EmailText.Footer(contact) + $"\n{appeals}";
        var html = HtmlEncoder.Default;
        var paragraphs = string.Concat(body.Split("\n\n").Select(p => $"<p style=\"margin:0 0 16px\">{html.Encode(p)}</p>"));
        var button = link is null ? ""
            : $"<p style=\"margin:24px 0\"><a href=\"{html.Encode(link)}\" style=\"background:#005ea2;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px\">{html.Encode(t["Open in AIMS"])}</a></p>";
        var page = $"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>{html.Encode(subject)}</title></head>
            <body style="font-family:Source Sans Pro,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;margin:0;padding:24px">
            <p style="margin:0 0 16px;font-weight:bold">{html.Encode(t["AIMS — Virginia Medicaid appeals"])}</p>
            <p style="margin:0 0 16px">{html.Encode(hello)}</p>
            {paragraphs}{button}
            <p style="margin:24px 0 0;font-size:14px;color:#565c65">{html.Encode(t["Questions? Call the AIMS helpline at {0}.", contact.HelplinePhone])}
            {html.Encode(appeals)}<br>
            {html.Encode(t["Virginia Department of Medical Assistance Services — Appeals Division"])}</p>
            </body></html>
            """;
        return new EmailMessage(to.Email, subject, text, page);
    }
}
