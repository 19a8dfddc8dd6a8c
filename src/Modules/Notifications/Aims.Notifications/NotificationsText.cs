namespace Aims.Notifications;

/// <summary>The module's pages and messages look their Spanish up in Resources/NotificationsText.es.resx (ADR 0022).</summary>
internal sealed class NotificationsText;
