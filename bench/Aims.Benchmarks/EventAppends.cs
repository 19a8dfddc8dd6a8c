using System.Diagnostics;
using Aims.Host.Composition;
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
        await using var services = ProbeComposition.Build(database);
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);

        // Layer by layer (ADR 0042): the floor of the same shape over bare SQL, Marten alone, the whole pipeline, and
        // the whole pipeline as it was before ADR 0042 (no prepared statements, so the pool's DISCARD ALL drops the plans).
        var discardAll = new NpgsqlConnectionStringBuilder(database) { MaxAutoPrepare = 0 }.ConnectionString;
        await using var unprepared = ProbeComposition.Build(discardAll);
        // And the pipeline as ADR 0042 left it, before custom plans were forced: PL/pgSQL may keep generic plans.
        var generic = new NpgsqlConnectionStringBuilder(database) { Options = "-c plan_cache_mode=auto" }.ConnectionString;
        await using var genericPlans = ProbeComposition.Build(generic);
        var layers = new AppendLayers(services);
        await layers.CreateFloorTablesAsync();
        var results = new List<Measurement>();
        foreach (var writers in PgbenchBaseline.Clients)
        {
            var measured = await AppendLayers.RunAsync(
                services, writers, layers.SqlAsync, layers.MartenAsync, layers.PipelineAsync, new AppendLayers(unprepared).PipelineAsync, layers.TransactionAsync, layers.AutocommitAsync,
                new AppendLayers(genericPlans).PipelineAsync, layers.OneTripAsync, layers.SqlCustomPlansAsync);
            var (sql, marten, pipeline, discarding, transaction, autocommit, auto, oneTrip, customPlans) = (measured[0], measured[1], measured[2], measured[3], measured[4], measured[5], measured[6], measured[7], measured[8]);
            results.Add(new Measurement($"events-auto-{writers}", $"  ADR 0042 alone (plan_cache_mode=auto), {writers} writer(s)", auto.PerSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-auto-{writers}-p50", $"  ADR 0042 alone: latency p50, {writers} writer(s)", auto.Latencies.Percentile(50), "ms"));
            // What no append in a transaction of its own can pass on this machine (issue 19's goal is ≥ 0.5 of pgbench).
            results.Add(new Measurement($"events-autocommit-{writers}", $"floor: pgbench's one-row insert from .NET, autocommit (1 round trip), {writers} writer(s)", autocommit.PerSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-transaction-{writers}", $"floor: BEGIN + the same insert, COMMIT (2 round trips), {writers} writer(s)", transaction.PerSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-onetrip-{writers}", $"floor: the append's batch alone, COMMIT with it (1 round trip), {writers} writer(s)", oneTrip.PerSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-sql-{writers}", $"same-shape floor: BEGIN, append batch, COMMIT over bare SQL, {writers} writer(s)", sql.PerSecond, "/s", $"pgbench-{writers}"));
            results.Add(new Measurement($"events-sql-custom-{writers}", $"  the same, Marten's function planning every call (before ADR 0053), {writers} writer(s)", customPlans.PerSecond, "/s", $"events-sql-{writers}"));
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

        // One append of 100 events against one of a single event, one writer: the pipeline, then two floors — Marten's
        // function over bare SQL (it inserts the events one by one), and a set-based insert of the same rows.
        Task<long> StartMarten(Guid stream) => services.SendAsync(new StartCounter(stream, "bench"));
        Task<long> Pipeline(Guid stream, long version, int events) => services.SendAsync(new IncrementCounterMany(stream, version, events));
        var ways = new (string Key, string Label, Func<Guid, Task<long>> Start, Func<Guid, long, int, Task<long>> Append)[]
        {
            ("append", "one append through the pipeline", StartMarten, Pipeline),
            ("append-sql", "  floor: Marten's append function over bare SQL", StartMarten, layers.SqlAsync),
            ("append-set", "  floor: a set-based insert of the same rows (INSERT … SELECT FROM unnest)", layers.StartFloorStreamAsync, layers.SetBasedAsync),
        };
        foreach (var way in ways)
        {
            var single = await AppendLatencyAsync(way.Start, way.Append, 1);
            var hundred = await AppendLatencyAsync(way.Start, way.Append, 100);
            results.Add(new Measurement($"events-{way.Key}-1", $"{way.Label}, 1 event, p50", single, "ms"));
            results.Add(new Measurement($"events-{way.Key}-100", $"{way.Label}, 100 events, p50", hundred, "ms"));
            results.Add(new Measurement($"events-{way.Key}-100-ratio", "    100 events / 1 event", hundred / single, "x"));
        }

        // The same comparison for each append mode Marten 9.62 offers (bare stores, no projection), with the round trips
        // of a one-event append in that mode: which mode, if any, keeps 100 events within 2× of one.
        await using (var modes = new AppendModes(services.GetRequiredService<NpgsqlDataSource>()))
        {
            foreach (var mode in AppendModes.Modes)
            {
                Task<long> Start(Guid stream) => modes.StartAsync(mode, stream);
                Task<long> Append(Guid stream, long version, int events) => modes.AppendAsync(mode, stream, version, events);
                var single = await AppendLatencyAsync(Start, Append, 1);
                var hundred = await AppendLatencyAsync(Start, Append, 100);
                using var roundTrips = new RoundTrips();
                var stream = Guid.NewGuid();
                var version = await Start(stream);
                var before = roundTrips.Count;
                for (var i = 0; i < 20; i++)
                {
                    version = await Append(stream, version, 1);
                }

                var key = $"events-mode-{mode.ToString().ToLowerInvariant()}";
                results.Add(new Measurement($"{key}-1", $"Marten alone, AppendMode.{mode}: 1 event, p50", single, "ms"));
                results.Add(new Measurement($"{key}-100", $"  AppendMode.{mode}: 100 events, p50", hundred, "ms"));
                results.Add(new Measurement($"{key}-100-ratio", "    100 events / 1 event", hundred / single, "x"));
                results.Add(new Measurement($"{key}-roundtrips", $"  AppendMode.{mode}: round trips per one-event append (+ COMMIT)", (roundTrips.Count - before) / 20.0, ""));
            }
        }

        return results;
    }

    private static async Task<double> AppendLatencyAsync(Func<Guid, Task<long>> start, Func<Guid, long, int, Task<long>> append, int events)
    {
        var latencies = new Latencies();
        var stream = Guid.NewGuid();
        var version = await start(stream);
        for (var i = 0; i < 120; i++)
        {
            var started = Stopwatch.GetTimestamp();
            version = await append(stream, version, events);
            if (i >= 20)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return latencies.Percentile(50);
    }
}
