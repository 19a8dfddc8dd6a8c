namespace Aims.BuildingBlocks.TextMessages;

/// <summary>Queues a text message in the caller's unit of work; Wolverine sends it after commit, with retries (ADR 0047).</summary>
public interface IOutgoingTextMessages
{
    /// <param name="to">A 10-digit US mobile number (digits only).</param>
    /// <returns>The message id the gateway receives.</returns>
    Task<string> QueueAsync(string to, string body, CancellationToken cancellationToken = default);
}
