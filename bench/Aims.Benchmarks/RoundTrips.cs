using System.Diagnostics;

namespace Aims.Benchmarks;

/// <summary>
/// Counts the commands and batches this process sends PostgreSQL (Npgsql's own tracing: one activity per round trip;
/// a batch is one), so a scenario can say how many round trips one operation costs.
/// </summary>
internal sealed class RoundTrips : IDisposable
{
    private readonly ActivityListener listener;
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
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public long Count => Interlocked.Read(ref count);

    public void Dispose() => listener.Dispose();
}
