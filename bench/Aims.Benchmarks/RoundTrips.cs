using System.Collections.Concurrent;
using System.Diagnostics;

namespace Aims.Benchmarks;

/// <summary>
/// Counts the commands and batches this process sends PostgreSQL (Npgsql's own tracing: one activity per round trip;
/// a batch is one), so a scenario can say how many round trips one operation costs. With <see cref="Recording"/> on it
/// also keeps each round trip's SQL (shortened), to say which statements a filing costs.
/// </summary>
internal sealed class RoundTrips : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<string> statements = new();
    private long count;

    public RoundTrips()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Opening a physical connection is traced too; it is not a statement round trip.
                if (!activity.OperationName.Contains("open", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref count);
                    if (Recording)
                    {
                        var text = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement") ?? activity.DisplayName;
                        statements.Enqueue(Shorten(text?.ToString() ?? "?"));
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public long Count => Interlocked.Read(ref count);

    public bool Recording { get; set; }

    /// <summary>The round trips recorded since the last call, oldest first.</summary>
    public IReadOnlyList<string> TakeRecorded()
    {
        var taken = new List<string>();
        while (statements.TryDequeue(out var statement))
        {
            taken.Add(statement);
        }

        return taken;
    }

    public void Dispose() => listener.Dispose();

    private static string Shorten(string sql)
    {
        var line = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 140 ? line : line[..140] + "…";
    }
}
