using System.Text.Json;
using Aims.Notifications.Sending;
using Npgsql;

namespace Aims.Testing;

/// <summary>
/// The emails and text messages the portal queued, read from AIMS's own record of them (notifications.outgoing, ADR 0047) —
/// what was committed, without waiting for delivery (test hosts often have no mail server to deliver to).
/// </summary>
public static class OutboxReader
{
    public sealed record Email(string To, string Subject, string TextBody, string? HtmlBody = null)
    {
        /// <summary>Attachments as (file name, content): the calendar invitations of hearing notices.</summary>
        public IReadOnlyList<(string FileName, string Content)> Attachments { get; init; } = [];

        /// <summary>The message as the SMTP server received it, when it was delivered (<see cref="DeliveredMail"/>).</summary>
        public MimeKit.MimeMessage? Delivered { get; init; }
    }

    public sealed record Text(string To, string Body);

    public static async Task<IReadOnlyList<Email>> EmailsToAsync(string connectionString, string to) =>
        (await PayloadsAsync(connectionString, OutgoingLog.Email))
            .Select(p => new Email(
                p.GetProperty("to").GetString()!, p.GetProperty("subject").GetString()!, p.GetProperty("textBody").GetString()!,
                p.TryGetProperty("htmlBody", out var html) ? html.GetString() : null)
            {
                Attachments = p.TryGetProperty("attachments", out var attached) && attached.ValueKind == System.Text.Json.JsonValueKind.Array
                    ? attached.EnumerateArray().Select(a => (a.GetProperty("fileName").GetString()!, a.GetProperty("content").GetString()!)).ToList()
                    : [],
            })
            .Where(e => string.Equals(e.To, to, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>Every email queued, in the order written, as the scheduled message that sends it.</summary>
    internal static async Task<IReadOnlyList<SendEmail>> QueuedEmailsAsync(string connectionString) =>
        (await PayloadsAsync(connectionString, OutgoingLog.Email)).Select(p => p.Deserialize<SendEmail>(JsonSerializerOptions.Web)!).ToList();

    public static async Task<IReadOnlyList<Text>> TextsToAsync(string connectionString, string to) =>
        (await PayloadsAsync(connectionString, OutgoingLog.Text))
            .Select(p => new Text(p.GetProperty("to").GetString()!, p.GetProperty("body").GetString()!))
            .Where(t => t.To == to)
            .ToList();

    private static async Task<List<JsonElement>> PayloadsAsync(string connectionString, string kind)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // In the order they were written: not by queued_at, because tests move the clock back and forth, and not by
        // xmin, because sending stamps the row (an older sign-in code sent late would look newest).
        await using var command = new NpgsqlCommand(
            "SELECT payload::text FROM notifications.outgoing WHERE kind = @kind ORDER BY written", connection);
        command.Parameters.AddWithValue("kind", kind);
        var payloads = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }

        return payloads;
    }
}
