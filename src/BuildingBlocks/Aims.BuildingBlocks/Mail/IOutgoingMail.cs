namespace Aims.BuildingBlocks.Mail;

/// <summary>
/// Queues an email in the caller's unit of work; it is sent after commit by the message relay, retried with backoff,
/// and dead-lettered (visible to administrators) if it keeps failing.
/// </summary>
public interface IOutgoingMail
{
    /// <returns>The message's Message-ID.</returns>
    Task<string> QueueAsync(EmailMessage email, CancellationToken cancellationToken = default);
}
