using System.Text;
using Aims.Notifications.Sending;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Aims.Testing;

/// <summary>
/// The emails someone received: each queued email goes through the portal's MailKit sender to <see cref="SmtpTestServer"/>
/// and is parsed back (an unsendable one fails its test), counted once per Message-ID as a mailbox does.
/// </summary>
public static class DeliveredMail
{
    public static async Task<IReadOnlyList<OutboxReader.Email>> ToAsync(IServiceProvider services, string connectionString, SmtpTestServer smtp, string to)
    {
        var queued = (await OutboxReader.QueuedEmailsAsync(connectionString))
            .Where(e => string.Equals(e.To, to, StringComparison.OrdinalIgnoreCase)).ToList();
        var order = queued.Select((e, index) => (e.MessageId, index)).ToDictionary(p => Unbracketed(p.MessageId), p => p.index);
        var delivered = smtp.Received.Select(r => r.Message.MessageId).ToHashSet();
        foreach (var email in queued.Where(e => !delivered.Contains(Unbracketed(e.MessageId))))
        {
            await using var scope = services.CreateAsyncScope();
            foreach (var sender in scope.ServiceProvider.GetServices<INotificationHandler<SendEmail>>())
            {
                try
                {
                    await sender.Handle(email, CancellationToken.None);
                }
                catch (Aims.BuildingBlocks.Messaging.PermanentFailureException)
                {
                    // Refused or malformed: never delivered, as in production (dead-lettered there).
                }
            }
        }

        return smtp.Received
            .Where(r => r.Message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(r => r.Message.MessageId)
            .OrderBy(r => order.TryGetValue(r.Message.MessageId ?? "", out var index) ? index : int.MaxValue)
            .Select(r => Parse(r.Message))
            .ToList();
    }

    /// <summary>A delivered message as the tests read an email; line ends as the portal wrote them ("\n").</summary>
    public static OutboxReader.Email Parse(MimeMessage message) =>
        new(message.To.Mailboxes.Single().Address, message.Subject ?? "", Lines(message.TextBody) ?? "", Lines(message.HtmlBody))
        {
            Attachments = message.Attachments.OfType<MimePart>().Select(part => (part.FileName ?? "", Decoded(part))).ToList(),
            Delivered = message,
        };

    private static string? Lines(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Decoded(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        return Encoding.UTF8.GetString(content.ToArray());
    }

    private static string Unbracketed(string messageId) => messageId.Trim('<', '>');
}
