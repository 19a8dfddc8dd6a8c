using Aims.BuildingBlocks.Messaging;
using Aims.Notifications.Contracts;
using Wolverine.Attributes;

namespace Aims.Notifications.Sending;

/// <summary>
/// The message on the sending queue that sends one email; its Message-ID is fixed when queued, so every retry is the same
/// mail. Named on the wire as the previous version named it, so an envelope it left (a retry, a dead letter) is this (ADR 0051).
/// </summary>
[MessageIdentity("Aims.BuildingBlocks.Mail.SendEmail")]
internal sealed record SendEmail(string MessageId, string To, string Subject, string TextBody, string? HtmlBody, IReadOnlyList<EmailAttachment>? Attachments = null) : IOutsideDelivery;
