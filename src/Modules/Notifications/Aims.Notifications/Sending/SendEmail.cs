using Aims.BuildingBlocks.Messaging;
using Aims.Notifications.Contracts;

namespace Aims.Notifications.Sending;

/// <summary>
/// The message on the sending queue that sends one email; its Message-ID is fixed when queued, so every retry is the same
/// mail. An envelope the previous version left under its old name is read as this one (the host's MessageTypeRegistry).
/// </summary>
internal sealed record SendEmail(string MessageId, string To, string Subject, string TextBody, string? HtmlBody, IReadOnlyList<EmailAttachment>? Attachments = null) : IOutsideDelivery;
