namespace Aims.Notifications.Contracts;

/// <summary>An email to send. <see cref="HtmlBody"/> is optional; the plain text is always sent.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A small attachment carried with the queued message (a calendar invitation), not a document.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
