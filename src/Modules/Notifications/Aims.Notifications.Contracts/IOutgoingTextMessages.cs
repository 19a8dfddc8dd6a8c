namespace Aims.Notifications.Contracts;

/// <summary>Queues a text message in the caller's unit of work; the Notifications module sends it after commit, with retries (ADR 0047, 0051).</summary>
public interface IOutgoingTextMessages
{
    /// <summary>The number texts come from (pages tell people what to look for).</summary>
    string From { get; }

    /// <param name="to">A 10-digit US mobile number (digits only).</param>
    /// <returns>The message id the gateway receives.</returns>
    Task<string> QueueAsync(string to, string body, CancellationToken cancellationToken = default);
}
