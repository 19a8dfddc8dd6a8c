using Aims.BuildingBlocks.EventSourcing;
using Aims.BuildingBlocks.Persistence;

namespace Aims.MessagingProbe;

public sealed record CounterStarted(Guid CounterId, string Name) : IEvent;

public sealed record CounterIncremented(int Amount) : IEvent;

/// <summary>An aggregate rebuilt by folding its events.</summary>
public sealed class Counter : Aggregate
{
    public string Name { get; private set; } = "";

    public int Total { get; private set; }

    public override void Apply(IEvent @event)
    {
        switch (@event)
        {
            case CounterStarted started:
                Id = started.CounterId;
                Name = started.Name;
                break;
            case CounterIncremented incremented:
                Total += incremented.Amount;
                break;
        }
    }
}

/// <summary>An inline projection; a negative amount makes it throw, to prove the append rolls back with it.</summary>
public sealed class CounterProjection(DbSession session) : IProjection
{
    public async Task ApplyAsync(string streamType, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        foreach (var stored in events)
        {
            var amount = stored.Data switch
            {
                CounterIncremented { Amount: < 0 } => throw new InvalidOperationException("Negative amounts are refused by the projection."),
                CounterIncremented incremented => incremented.Amount,
                _ => 0,
            };
            await using var command = await session.CommandAsync(
                "INSERT INTO probe.counters (stream_id, total, events) VALUES (@id, @amount, 1) " +
                "ON CONFLICT (stream_id) DO UPDATE SET total = counters.total + @amount, events = counters.events + 1",
                cancellationToken);
            command.Parameters.AddWithValue("id", stored.StreamId);
            command.Parameters.AddWithValue("amount", amount);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
