using System.Diagnostics;
using Aims.BuildingBlocks.Persistence;
using Aims.MessagingProbe;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Benchmarks;

/// <summary>
/// One-event appends per second through the whole MediatR pipeline (logging, validation, unit of work, expected-version
/// append, inline projection, commit), each writer on its own stream.
/// </summary>
internal sealed class EventAppends : IScenario
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public string Name => "events";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_events");
        await using var services = ProbeComposition.Build(database, new Dictionary<string, string?> { ["Aims:Messaging:RelayEnabled"] = "false" });
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        var results = new List<Measurement>();
        foreach (var writers in PgbenchBaseline.Clients)
        {
            var latencies = new Latencies();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => WriteAsync(services, latencies, clock)));
            var perSecond = latencies.Count / clock.Elapsed.TotalSeconds;
            results.Add(new Measurement($"events-{writers}", $"event append (pipeline + projection), {writers} writer(s)", perSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-{writers}-p50", $"  latency p50, {writers} writer(s)", latencies.Percentile(50), "ms"));
            results.Add(new Measurement($"events-{writers}-p99", $"  latency p99, {writers} writer(s)", latencies.Percentile(99), "ms"));
        }

        // Round trips per one-event append (Npgsql's tracing; a batch is one), what load does not distort.
        using (var roundTrips = new RoundTrips())
        {
            const int Appends = 50;
            var stream = Guid.NewGuid();
            var version = await services.SendAsync(new StartCounter(stream, "bench"));
            var before = roundTrips.Count;
            for (var i = 0; i < Appends; i++)
            {
                version = await services.SendAsync(new IncrementCounter(stream, version, 1));
            }

            results.Add(new Measurement("events-roundtrips", "database round trips per one-event append", (roundTrips.Count - before) / (double)Appends, ""));
        }

        // One append of 100 events against one of a single event, one writer, the same pipeline.
        var single = await AppendLatencyAsync(services, 1);
        var hundred = await AppendLatencyAsync(services, 100);
        results.Add(new Measurement("events-append-1", "one append of 1 event, p50", single, "ms"));
        results.Add(new Measurement("events-append-100", "one append of 100 events, p50", hundred, "ms"));
        results.Add(new Measurement("events-append-100-ratio", "  100-event append / 1-event append", hundred / single, "x"));
        return results;
    }

    private static async Task<double> AppendLatencyAsync(IServiceProvider services, int events)
    {
        var latencies = new Latencies();
        var stream = Guid.NewGuid();
        var version = await services.SendAsync(new StartCounter(stream, "bench"));
        for (var i = 0; i < 120; i++)
        {
            var started = Stopwatch.GetTimestamp();
            version = await services.SendAsync(new IncrementCounterMany(stream, version, events));
            if (i >= 20)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return latencies.Percentile(50);
    }

    private static async Task WriteAsync(IServiceProvider services, Latencies latencies, Stopwatch clock)
    {
        var stream = Guid.NewGuid();
        var version = await services.SendAsync(new StartCounter(stream, "bench"));
        while (clock.Elapsed < Duration)
        {
            var started = Stopwatch.GetTimestamp();
            version = await services.SendAsync(new IncrementCounter(stream, version, 1));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
