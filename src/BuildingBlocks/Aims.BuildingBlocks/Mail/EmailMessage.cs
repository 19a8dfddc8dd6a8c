namespace Aims.BuildingBlocks.Mail;

/// <summary>An email to send. <see cref="HtmlBody"/> is optional; the plain text is always sent.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);
