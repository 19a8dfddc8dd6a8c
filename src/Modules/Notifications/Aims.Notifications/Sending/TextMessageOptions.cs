namespace Aims.Notifications.Sending;

/// <summary>Settings under <c>Aims:TextMessages</c>, the names deployments already use (ADR 0051).</summary>
internal sealed class TextMessageOptions
{
    public const string Section = "Aims:TextMessages";

    public TextMessageDelivery Delivery { get; set; } = TextMessageDelivery.Http;

    /// <summary>The gateway's send endpoint: it receives a JSON POST { to, from, body, messageId } with a bearer key.</summary>
    public string GatewayUrl { get; set; } = "";

    public string? GatewayApiKey { get; set; }

    public string From { get; set; } = "";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public string Folder { get; set; } = ".local/outbox";
}

internal enum TextMessageDelivery
{
    Http,
    Folder,
}
