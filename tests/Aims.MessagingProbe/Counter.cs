using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Aims.MessagingProbe;

public sealed record CounterStarted(Guid CounterId, string Name);

public sealed record CounterIncremented(int Amount);

/// <summary>An aggregate Marten folds from its events by its Apply methods.</summary>
public sealed class Counter
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Name { get; private set; } = "";

    public int Total { get; private set; }

    public void Apply(CounterStarted started)
    {
        Id = started.CounterId;
        Name = started.Name;
    }

    public void Apply(CounterIncremented incremented) => Total += incremented.Amount;
}

/// <summary>A Marten inline projection; a negative amount makes it throw, to prove the append rolls back with it.</summary>
public sealed class CounterProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        // One upsert per stream per append, however many events it carries.
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var amount = stream.Sum(stored => stored.Data switch
            {
                CounterIncremented { Amount: < 0 } => throw new InvalidOperationException("Negative amounts are refused by the projection."),
                CounterIncremented incremented => incremented.Amount,
                _ => 0,
            });
            operations.QueueSqlCommand(
                "INSERT INTO probe.counters (stream_id, total, events) VALUES (?, ?, ?) " +
                "ON CONFLICT (stream_id) DO UPDATE SET total = counters.total + EXCLUDED.total, events = counters.events + EXCLUDED.events",
                stream.Key, amount, stream.Count());
        }

        return Task.CompletedTask;
    }
}
