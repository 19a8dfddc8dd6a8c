namespace Aims.BuildingBlocks.EventSourcing;

/// <summary>
/// An inline projection: called with each batch of appended events inside the append's transaction, so the read
/// model can never disagree with the stream.
/// </summary>
public interface IProjection
{
    Task ApplyAsync(string streamType, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);
}
