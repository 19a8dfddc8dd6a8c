namespace Aims.BuildingBlocks.Messaging;

/// <summary>A message as operators see it; for an email, who it is to and its subject.</summary>
public sealed record MessageSummary(
    Guid Id, string Type, string? Key, DateTimeOffset DueAt, int Attempts, string? LastError, DateTimeOffset? CompletedAt, string? EmailTo, string? EmailSubject)
{
    /// <summary>The receiver the envelope is for (each receiver of an event has its own), when known.</summary>
    public string? Receiver { get; init; }
}

/// <summary>The operations page's port onto the message store (ADR 0041, 0047); the host implements it on Wolverine's storage.</summary>
public interface IMessageOperations
{
    /// <summary>Keyed scheduled messages still waiting, soonest first, optionally only keys starting with <paramref name="keyPrefix"/>.</summary>
    Task<IReadOnlyList<MessageSummary>> UpcomingAsync(int limit, string? keyPrefix, CancellationToken cancellationToken);

    /// <summary>Dead letters (events, reminders, emails, texts), newest first, with their error.</summary>
    Task<IReadOnlyList<MessageSummary>> DeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Messages whose receiver failed and that Wolverine's error policy rescheduled (a scheduled retry), soonest next attempt
    /// first, with their receiver and attempts so far.
    /// </summary>
    Task<IReadOnlyList<MessageSummary>> RetriesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Sends a dead letter again now, from its first attempt; false when it is no longer a dead letter.</summary>
    Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Makes a scheduled retry due now, its attempts kept; false when it is no longer waiting for a retry.</summary>
    Task<bool> RetryNowAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels an upcoming scheduled message, discards a scheduled retry or a dead letter; false when it was already delivered
    /// or cancelled.
    /// </summary>
    Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken);
}
