using System.Globalization;
using System.Text.Encodings.Web;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Web;
using Aims.Notifications.Contracts;
using Microsoft.Extensions.Localization;

namespace Aims.Notifications.Centre;

/// <summary>
/// A notice as plain-text and HTML email with the same words, all encoded; inline styles only, as clients drop style sheets.
/// In the recipient's language (ADR 0025); someone with no account gets every portal language, English first (ADR 0026).
/// </summary>
internal static class NoticeEmail
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static EmailMessage Compose(Recipient to, NoticeText notice, string? link, ContactOptions contact, IStringLocalizer<NotificationsText> t)
    {
        var (text, html) = Part(to, notice, link, contact, t);
        return new EmailMessage(to.Email, notice.Subject, text, Page(notice.Subject, html));
    }

    /// <summary>The notice in English, then in each other language, one after the other; a line at the top says so in those languages.</summary>
    public static EmailMessage ComposeInEveryLanguage(Recipient to, Func<NoticeText> compose, ContactOptions contact, IStringLocalizer<NotificationsText> t)
    {
        var parts = PortalLanguages.All.Select(language =>
        {
            using var scope = PortalLanguages.Use(language);
            var notice = compose();
            var (text, html) = Part(to, notice, null, contact, t);
            return (Language: language.TwoLetterISOLanguageName, notice.Subject, Text: text, Html: html, Below: t["This notice follows in Spanish below."].Value);
        }).ToList();
        var others = parts.Skip(1).ToList();
        var subject = string.Join(" / ", parts.Select(p => p.Subject).Distinct());
        var plain = string.Concat(others.Select(p => p.Below + "\n\n")) + string.Join("\n\n——————\n\n", parts.Select(p => p.Text));
        var page = string.Concat(others.Select(p => $"<p lang=\"{p.Language}\" style=\"margin:0 0 16px;font-style:italic\">{Html.Encode(p.Below)}</p>\n")) +
            parts[0].Html +
            string.Concat(others.Select(p => $"\n<hr style=\"margin:32px 0;border:0;border-top:1px solid #dfe1e2\">\n<div lang=\"{p.Language}\">{p.Html}</div>"));
        using var english = PortalLanguages.Use(PortalLanguages.English);
        return new EmailMessage(to.Email, subject, plain, Page(subject, page));
    }

    private static (string Text, string Html) Part(Recipient to, NoticeText notice, string? link, ContactOptions contact, IStringLocalizer<NotificationsText> t)
    {
        var hello = t["Hello {0},", to.Name].Value;
        var appeals = t["Questions about an appeal: the Appeals Division at {0}.", contact.AppealsDivisionPhone].Value;
        var text = $"{hello}\n\n{notice.Body}" + (link is null ? "" : $"\n\n{link}") + EmailFooter.Text(contact) + $"\n{appeals}";
        var paragraphs = string.Concat(notice.Body.Split("\n\n").Select(p => $"<p style=\"margin:0 0 16px\">{Html.Encode(p)}</p>"));
        var button = link is null ? ""
            : $"<p style=\"margin:24px 0\"><a href=\"{Html.Encode(link)}\" style=\"background:#005ea2;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px\">{Html.Encode(t["Open in AIMS"])}</a></p>";
        var html = $"""
            <p style="margin:0 0 16px;font-weight:bold">{Html.Encode(t["AIMS — Virginia Medicaid appeals"])}</p>
            <p style="margin:0 0 16px">{Html.Encode(hello)}</p>
            {paragraphs}{button}
            <p style="margin:24px 0 0;font-size:14px;color:#565c65">{Html.Encode(EmailFooter.Helpline(contact))}
            {Html.Encode(appeals)}<br>
            {Html.Encode(EmailFooter.Department)}</p>
            """;
        return (text, html);
    }

    /// <summary>The page around the parts, in the current language (the first part's).</summary>
    private static string Page(string subject, string body) => $"""
        <!DOCTYPE html>
        <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>{Html.Encode(subject)}</title></head>
        <body style="font-family:Source Sans Pro,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;margin:0;padding:24px">
        {body}
        </body></html>
        """;
}
