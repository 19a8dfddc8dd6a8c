using Aims.BuildingBlocks.Messaging;

namespace Aims.BuildingBlocks.Mail;

/// <summary>The scheduled message that sends one email; its Message-ID is fixed when queued, so every retry is the same mail.</summary>
public sealed record SendEmail(string MessageId, string To, string Subject, string TextBody, string? HtmlBody, IReadOnlyList<EmailAttachment>? Attachments = null) : IOutsideDelivery;
