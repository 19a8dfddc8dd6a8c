namespace Aims.BuildingBlocks.Mail;

/// <summary>
/// Queues an email in the caller's unit of work; Wolverine sends it after commit (ADR 0047), retries it with backoff
/// and dead-letters it (visible to administrators) if it keeps failing.
/// </summary>
public interface IOutgoingMail
{
    /// <returns>The message's Message-ID.</returns>
    Task<string> QueueAsync(EmailMessage email, CancellationToken cancellationToken = default);
}
