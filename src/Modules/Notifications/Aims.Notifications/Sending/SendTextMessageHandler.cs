using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aims.BuildingBlocks.Messaging;
using MediatR;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Sending;

/// <summary>
/// Sends one queued text through the gateway. Server errors, throttling and timeouts throw, so Wolverine retries; a
/// request the gateway rejects (4xx) will be rejected again and is dead-lettered at once.
/// </summary>
internal sealed class SendTextMessageHandler(IHttpClientFactory clients, IOptions<TextMessageOptions> options, OutgoingLog log)
    : INotificationHandler<SendTextMessage>
{
    public const string ClientName = "text-message-gateway";

    public async Task Handle(SendTextMessage notification, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var payload = new { to = notification.To, from = settings.From, body = notification.Body, messageId = notification.MessageId };
        if (settings.Delivery == TextMessageDelivery.Folder)
        {
            Directory.CreateDirectory(settings.Folder);
            await File.WriteAllTextAsync(Path.Combine(settings.Folder, $"{notification.MessageId}.sms.json"), JsonSerializer.Serialize(payload), cancellationToken);
            await log.SentAsync(notification.MessageId, cancellationToken);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl) { Content = JsonContent.Create(payload) };
        if (settings.GatewayApiKey is { Length: > 0 } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
        if (response.IsSuccessStatusCode)
        {
            await log.SentAsync(notification.MessageId, cancellationToken);
            return;
        }

        var status = (int)response.StatusCode;
        var reason = $"The text-message gateway answered {status} for {notification.MessageId}.";
        throw status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests
            ? new PermanentFailureException(reason)
            : new HttpRequestException(reason, null, response.StatusCode);
    }
}
