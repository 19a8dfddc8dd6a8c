namespace Aims.Notifications.Sending;

/// <summary>Settings under <c>Aims:Mail</c>, the names deployments already use (ADR 0051).</summary>
internal sealed class MailOptions
{
    public const string Section = "Aims:Mail";

    /// <summary>Smtp sends; Folder writes each message as an .eml file (development: read codes on /dev/outbox).</summary>
    public MailDelivery Delivery { get; set; } = MailDelivery.Smtp;

    public string From { get; set; } = "AIMS <no-reply@aims.dmas.virginia.gov>";

    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS before sending (required against any real server).</summary>
    public bool StartTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string Folder { get; set; } = ".local/outbox";

    /// <summary>The domain in Message-IDs, so a retried send is recognisably the same message.</summary>
    public string MessageIdDomain { get; set; } = "aims.dmas.virginia.gov";
}

internal enum MailDelivery
{
    Smtp,
    Folder,
}
