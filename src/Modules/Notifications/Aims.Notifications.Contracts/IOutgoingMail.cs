namespace Aims.Notifications.Contracts;

/// <summary>
/// Queues an email in the caller's unit of work; the Notifications module sends it after commit (ADR 0047, 0051), retries
/// it with backoff and dead-letters it (visible to administrators) if it keeps failing.
/// </summary>
public interface IOutgoingMail
{
    /// <summary>The From address every email carries (pages tell people whose mail to look for).</summary>
    string From { get; }

    /// <returns>The message's Message-ID.</returns>
    Task<string> QueueAsync(EmailMessage email, CancellationToken cancellationToken = default);
}
