using System.Diagnostics;
using Aims.Host.Composition;
using Aims.MessagingProbe;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Aims.Benchmarks;

/// <summary>
/// Outbox delivery with the relay running: latency from a command's commit to the receiving handler's commit at a
/// steady 200 messages/s, then the drain rate when 8 writers publish as fast as they can.
/// </summary>
internal sealed class OutboxDelivery : IScenario
{
    private const int SteadyRate = 200;
    private static readonly TimeSpan SteadyDuration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BurstDuration = TimeSpan.FromSeconds(5);

    public string Name => "outbox";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_outbox");
        await using var services = ProbeComposition.Build(database);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var relays = services.GetServices<IHostedService>().ToList();
        foreach (var relay in relays)
        {
            await relay.StartAsync(CancellationToken.None);
        }

        // Warm up (compiled code, open connections, Wolverine's queue running) before anything is timed.
        for (var i = 0; i < 50; i++)
        {
            await services.SendAsync(new AddNote("warm-up"));
        }

        await WaitForDeliveriesAsync(database, 50);
        var warmedUp = 50;

        // The receiver may run before SendAsync has returned (Wolverine's flush after the commit hands the envelope
        // to the local queue at once), so the commit's moment lies between the send's start and its return: both are kept.
        // Each send starts on its schedule without waiting for the one before (a send takes longer than 1/200 s on a
        // loaded machine, so one writer in turn would never reach the rate).
        var sentAt = new System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime>();
        var committedAt = new System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTime>();
        var sends = new List<Task>();
        using var pool = new ThreadPoolSampler();
        var clock = Stopwatch.StartNew();
        for (var sent = 0; clock.Elapsed < SteadyDuration; sent++)
        {
            var due = TimeSpan.FromSeconds((double)sent / SteadyRate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            sends.Add(Task.Run(async () =>
            {
                var sending = DateTime.UtcNow;
                var noteId = await services.SendAsync(new AddNote("steady"));
                committedAt[noteId] = DateTime.UtcNow;
                sentAt[noteId] = sending;
            }));
        }

        await Task.WhenAll(sends);
        pool.Dispose();
        await WaitForDeliveriesAsync(database, warmedUp + committedAt.Count);
        var latencies = new Latencies();
        var fromSend = new Latencies();
        var timeline = new List<(double Sent, double Returned, double Received)>();
        var origin = sentAt.Values.Min();
        foreach (var (noteId, receivedAt) in await ReceivedAsync(database))
        {
            if (committedAt.TryGetValue(noteId, out var committed))
            {
                latencies.Add((receivedAt - committed).TotalMilliseconds);
                fromSend.Add((receivedAt - sentAt[noteId]).TotalMilliseconds);
                timeline.Add(((sentAt[noteId] - origin).TotalMilliseconds, (committed - origin).TotalMilliseconds, (receivedAt - origin).TotalMilliseconds));
            }
        }

        // Where a slow delivery's time went, message by message, and what the thread pool looked like meanwhile.
        var folder = Path.Combine(Repository.Root(), "artifacts", "bench");
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "outbox-steady.csv"), timeline.OrderBy(t => t.Sent)
            .Select(t => FormattableString.Invariant($"{t.Sent:0.0},{t.Returned:0.0},{t.Received:0.0}")).Prepend("sent_ms,returned_ms,received_ms"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "outbox-threadpool.csv"), pool.Samples);

        var burstStart = DateTime.UtcNow;
        var burst = Stopwatch.StartNew();
        var published = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (burst.Elapsed < BurstDuration)
            {
                await services.SendAsync(new AddNote("burst"));
                Interlocked.Increment(ref published);
            }
        }));
        await WaitForDeliveriesAsync(database, warmedUp + committedAt.Count + published);
        var drained = (await LastReceivedAsync(database) - burstStart).TotalSeconds;

        foreach (var relay in relays)
        {
            await relay.StopAsync(CancellationToken.None);
        }

        return
        [
            new("outbox-steady", $"outbox messages sent in the steady run (aimed at {SteadyRate}/s)", committedAt.Count / SteadyDuration.TotalSeconds, "/s"),
            new("outbox-send-p50", $"outbox send start → handler latency p50 at {SteadyRate}/s", fromSend.Percentile(50), "ms"),
            new("outbox-send-p99", $"outbox send start → handler latency p99 at {SteadyRate}/s", fromSend.Percentile(99), "ms"),
            new("outbox-p50", $"outbox commit (send returned) → handler latency p50 at {SteadyRate}/s", latencies.Percentile(50), "ms"),
            new("outbox-p95", $"outbox commit → handler latency p95 at {SteadyRate}/s", latencies.Percentile(95), "ms"),
            new("outbox-p99", $"outbox commit → handler latency p99 at {SteadyRate}/s", latencies.Percentile(99), "ms"),
            new("outbox-max", $"outbox commit → handler latency max at {SteadyRate}/s", latencies.Percentile(100), "ms"),
            new("outbox-publish-8", "outbox publishes, 8 writers flat out", published / BurstDuration.TotalSeconds, "/s", "pgbench-8"),
            new("outbox-drain", "outbox delivered while publishing flat out (one host)", published / drained, "/s"),
        ];
    }

    private static async Task WaitForDeliveriesAsync(string database, int expected)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(2);)
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            if ((long)(await new NpgsqlCommand("SELECT count(*) FROM probe.received", connection).ExecuteScalarAsync())! >= expected)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Fewer than {expected} messages were delivered within two minutes.");
    }

    private static async Task<List<(Guid NoteId, DateTime ReceivedAt)>> ReceivedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand("SELECT note_id, received_at FROM probe.received", connection).ExecuteReaderAsync();
        var received = new List<(Guid, DateTime)>();
        while (await reader.ReadAsync())
        {
            received.Add((reader.GetGuid(0), reader.GetDateTime(1)));
        }

        return received;
    }

    private static async Task<DateTime> LastReceivedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        return (DateTime)(await new NpgsqlCommand("SELECT max(received_at) FROM probe.received", connection).ExecuteScalarAsync())!;
    }

    /// <summary>The thread pool's threads and queued work items every 20 ms, as CSV lines (a starved pool shows here).</summary>
    private sealed class ThreadPoolSampler : IDisposable
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Timer timer;
        private readonly List<string> samples = ["at_ms,threads,queued,completed"];

        public ThreadPoolSampler() => timer = new Timer(_ => Sample(), null, 0, 20);

        public IReadOnlyList<string> Samples
        {
            get
            {
                lock (samples)
                {
                    return samples.ToList();
                }
            }
        }

        private void Sample()
        {
            lock (samples)
            {
                samples.Add(FormattableString.Invariant(
                    $"{clock.Elapsed.TotalMilliseconds:0},{ThreadPool.ThreadCount},{ThreadPool.PendingWorkItemCount},{ThreadPool.CompletedWorkItemCount}"));
            }
        }

        public void Dispose() => timer.Dispose();
    }
}
