using System.Diagnostics;
using Aims.BuildingBlocks.Persistence;
using Aims.MessagingProbe;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.Benchmarks;

/// <summary>
/// One-event appends per second through the whole MediatR pipeline (logging, validation, unit of work, expected-version
/// append, inline projection, commit), each writer on its own stream.
/// </summary>
internal sealed class EventAppends : IScenario
{
    public string Name => "events";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_events");
        await using var services = ProbeComposition.Build(database, new Dictionary<string, string?> { ["Aims:Messaging:RelayEnabled"] = "false" });
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        // Layer by layer (ADR 0042): the floor of the same shape over bare SQL, Marten alone, the whole pipeline, and
        // the whole pipeline as it was before ADR 0042 (no prepared statements, so the pool's DISCARD ALL drops the plans).
        var discardAll = new NpgsqlConnectionStringBuilder(database) { MaxAutoPrepare = 0 }.ConnectionString;
        await using var unprepared = ProbeComposition.Build(discardAll, new Dictionary<string, string?> { ["Aims:Messaging:RelayEnabled"] = "false" });
        var layers = new AppendLayers(services);
        var results = new List<Measurement>();
        foreach (var writers in PgbenchBaseline.Clients)
        {
            var measured = await AppendLayers.RunAsync(services, writers, layers.SqlAsync, layers.MartenAsync, layers.PipelineAsync, new AppendLayers(unprepared).PipelineAsync);
            var (sql, marten, pipeline, discarding) = (measured[0], measured[1], measured[2], measured[3]);
            results.Add(new Measurement($"events-sql-{writers}", $"same-shape floor: BEGIN, append batch, COMMIT over bare SQL, {writers} writer(s)", sql.PerSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-marten-{writers}", $"Marten session alone (no scope, no MediatR), {writers} writer(s)", marten.PerSecond, "/s", $"events-sql-{writers}"));
            results.Add(new Measurement($"events-{writers}", $"event append (pipeline + projection), {writers} writer(s)", pipeline.PerSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-{writers}-shape", "  the same, as a ratio to the same-shape floor", pipeline.PerSecond, "/s", $"events-sql-{writers}"));
            results.Add(new Measurement($"events-{writers}-p50", $"  latency p50, {writers} writer(s)", pipeline.Latencies.Percentile(50), "ms"));
            results.Add(new Measurement($"events-{writers}-p99", $"  latency p99, {writers} writer(s)", pipeline.Latencies.Percentile(99), "ms"));
            results.Add(new Measurement($"events-before-{writers}", $"  before ADR 0042 (Max Auto Prepare=0, DISCARD ALL), {writers} writer(s)", discarding.PerSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-before-{writers}-p50", $"  before ADR 0042: latency p50, {writers} writer(s)", discarding.Latencies.Percentile(50), "ms"));
            results.Add(new Measurement($"events-sql-{writers}-cpu", $"  client CPU per append: same-shape floor, {writers} writer(s)", sql.CpuMsPerAppend, "ms"));
            results.Add(new Measurement($"events-marten-{writers}-cpu", $"  client CPU per append: Marten alone, {writers} writer(s)", marten.CpuMsPerAppend, "ms"));
            results.Add(new Measurement($"events-{writers}-cpu", $"  client CPU per append: pipeline, {writers} writer(s)", pipeline.CpuMsPerAppend, "ms"));
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

            // One more append with its statements listed (Npgsql traces neither BEGIN, sent with the first, nor COMMIT).
            roundTrips.Recording = true;
            await services.SendAsync(new IncrementCounter(stream, version, 1));
            roundTrips.Recording = false;
            Console.WriteLine("One one-event append, its round trips (+ COMMIT):");
            foreach (var statement in roundTrips.TakeRecorded())
            {
                Console.WriteLine($"  {statement}");
            }
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
}
