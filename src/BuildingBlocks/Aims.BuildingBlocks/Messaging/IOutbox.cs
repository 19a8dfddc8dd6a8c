namespace Aims.BuildingBlocks.Messaging;

/// <summary>
/// Writes messages into the current unit of work's transaction (Wolverine's outbox); Wolverine delivers them after commit.
/// Calling it outside a command is an error, because the message would not commit with its cause.
/// </summary>
public interface IOutbox
{
    /// <summary>Tell the other modules now (the transactional outbox).</summary>
    Task PublishAsync(IIntegrationEvent integrationEvent, CancellationToken cancellationToken = default);

    /// <summary>Hand a command to its one receiver after commit (sending an email or a text); returns its envelope's id.</summary>
    Task<Guid> SendAsync(IOutsideDelivery command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deliver at <paramref name="dueAt"/>. A pending message with the same <paramref name="key"/> is replaced, so a
    /// moved hearing moves its reminder instead of adding a second one.
    /// </summary>
    Task ScheduleAsync(IMessage message, DateTimeOffset dueAt, string? key = null, CancellationToken cancellationToken = default);

    /// <summary>Cancel the pending message with this key; false when there was none.</summary>
    Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default);
}
