namespace Aims.Benchmarks;

/// <summary>Collected latencies in milliseconds, read as percentiles (nearest rank).</summary>
internal sealed class Latencies
{
    private readonly List<double> samples = [];

    public int Count
    {
        get
        {
            lock (samples)
            {
                return samples.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (samples)
        {
            samples.Add(milliseconds);
        }
    }

    /// <summary>Runs <paramref name="work"/> once and adds how long it took.</summary>
    public async Task TimeAsync(Func<Task> work)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await work();
        Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public double Percentile(double p)
    {
        lock (samples)
        {
            if (samples.Count == 0)
            {
                return double.NaN;
            }

            var sorted = samples.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }
    }
}
