using System.Diagnostics;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.Persistence.Durability;

namespace Aims.Benchmarks;

/// <summary>
/// Appeal reminders dispatched by one and by two hosts over one database. 2,000 informal appeals are filed over the
/// API (each schedules its decision-clock reminders); for each run one kind of those reminders is made due by moving
/// its due time through Wolverine's storage API, and the hosts (real clock, mail to a folder) carry each through the whole path: the
/// scheduled message, Appeals checking the date still stands, the integration event, Notifications giving the notice
/// and queueing the email, and the email written. A burst (all due at once) gives the rate; a steady run at 80 % of that
/// rate gives the delay from due time to the notice and email being queued, which includes waiting for the next poll
/// (Wolverine finds scheduled messages by polling once a second, on the node that holds its durability agent).
/// </summary>
internal sealed class ReminderDispatch : IScenario
{
    // 2,000 by default; AIMS_BENCH_REMINDERS sets another burst size (a quick profile), AIMS_BENCH_REMINDER_HOSTS=1 skips the two-host runs.
    private static readonly int Appeals = int.TryParse(Environment.GetEnvironmentVariable("AIMS_BENCH_REMINDERS"), out var size) ? size : 2000;
    private static readonly int[] HostCounts = Environment.GetEnvironmentVariable("AIMS_BENCH_REMINDER_HOSTS") == "1" ? [1] : [1, 2];

    // Appeals of their own for a first, unmeasured burst: the first run in this process otherwise pays the JIT of the path.
    private const int WarmUp = 200;

    // The Wolverine floor (WolverineFloor) runs before each burst; AIMS_BENCH_REMINDER_FLOOR=0 skips it (a quick profile).
    private static readonly bool WithFloor = Environment.GetEnvironmentVariable("AIMS_BENCH_REMINDER_FLOOR") != "0";

    public string Name => "reminders";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_reminders");
        var filed = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await using (var filer = new AimsAppFactory(database, settings: Settings(mailFolder: null)))
        {
            var secret = await AppealFilings.IssueTokenAsync(filer, database);
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                using var api = AppealFilings.Api(filer, secret);
                while (Interlocked.Increment(ref next) <= Appeals + WarmUp)
                {
                    filed.Add(await AppealFilings.FileAsync(api));
                }
            }));
        }

        var warm = filed.Take(WarmUp).ToArray();
        var measured = filed.Except(warm).ToArray();
        await RunAsync(database, warm, hosts: 1, "ClockFourteenDays", ratePerSecond: null);
        var results = new List<Measurement>();
        var kinds = new Queue<string>(["ClockFourteenDays", "ClockSevenDays", "ClockOneDay", "ClockPassed"]);
        var floor = WithFloor ? new WolverineFloor(await environment.RecreateDatabaseAsync("aims_bench_reminder_floor")) : null;
        if (floor is not null)
        {
            await floor.WarmUpAsync();
        }

        foreach (var hosts in HostCounts)
        {
            // The floor just before the burst it is compared with: the reminders' rate and CPU as ratios to a no-op chain's.
            if (floor is not null)
            {
                results.AddRange(FloorFigures(hosts, await floor.RunAsync(Appeals, hosts, chain: false), await floor.RunAsync(Appeals, hosts, chain: true)));
            }

            var rate = await RunAsync(database, measured, hosts, kinds.Dequeue(), ratePerSecond: null);
            var chain = $"reminders-floor-{hosts}-chain";
            results.Add(new Measurement($"reminders-{hosts}", $"reminders dispatched, burst of {Appeals}+, {hosts} host(s)", rate.PerSecond, "/s", chain));
            results.Add(new Measurement($"reminders-{hosts}-cpu-hosts", $"  CPU per reminder in the burst: host(s), {hosts} host(s)", rate.Cpu.Process.TotalMilliseconds, "ms", $"{chain}-cpu-hosts"));
            results.Add(new Measurement($"reminders-{hosts}-cpu-db", $"  CPU per reminder in the burst: PostgreSQL, {hosts} host(s)", rate.Cpu.Database.TotalMilliseconds, "ms", $"{chain}-cpu-db"));
            results.Add(new Measurement($"reminders-{hosts}-cpu", $"  CPU per reminder in the burst: both, {hosts} host(s)", (rate.Cpu.Process + rate.Cpu.Database).TotalMilliseconds, "ms", $"{chain}-cpu"));
            results.Add(new Measurement($"reminders-{hosts}-updates", $"  envelope UPDATEs per reminder in the burst, {hosts} host(s)", rate.EnvelopeUpdates, ""));
            if (rate.Statements is { } statements)
            {
                results.Add(new Measurement($"reminders-{hosts}-statements", $"  SQL statements per reminder in the burst, {hosts} host(s)", statements, "", $"{chain}-statements"));
            }

            var steady = await RunAsync(database, measured, hosts, kinds.Dequeue(), ratePerSecond: rate.PerSecond * 0.8);
            results.Add(new Measurement($"reminders-{hosts}-steady", $"  steady run at 80 % of that, {hosts} host(s)", steady.PerSecond, "/s"));
            results.Add(new Measurement($"reminders-{hosts}-p50", $"  due → notice and email queued p50, {hosts} host(s)", steady.Delays.Percentile(50), "ms"));
            results.Add(new Measurement($"reminders-{hosts}-p95", $"  due → notice and email queued p95, {hosts} host(s)", steady.Delays.Percentile(95), "ms"));
            results.Add(new Measurement($"reminders-{hosts}-p99", $"  due → notice and email queued p99, {hosts} host(s)", steady.Delays.Percentile(99), "ms"));
            results.Add(new Measurement($"reminders-{hosts}-max", $"  due → notice and email queued max, {hosts} host(s)", steady.Delays.Percentile(100), "ms"));
        }

        return results;
    }

    // Ratio column: the reminders' figures over these (rate: share of the floor's; CPU: times the floor's).
    private static IEnumerable<Measurement> FloorFigures(int hosts, FloorRun single, FloorRun chain)
    {
        foreach (var (shape, run, what) in new[] { ("single", single, "no-op scheduled messages"), ("chain", chain, "no-op chains (scheduled → event → 2 sends)") })
        {
            var key = $"reminders-floor-{hosts}-{shape}";
            var unit = shape == "single" ? "message" : "chain";
            var both = (run.Cpu.Process + run.Cpu.Database).TotalMilliseconds;
            yield return new Measurement(key, $"Wolverine floor: {what}, burst of {Appeals}, {hosts} node(s)", run.PerSecond, "/s");
            yield return new Measurement($"{key}-cpu-hosts", $"  CPU per {unit}: node(s), {hosts} node(s)", run.Cpu.Process.TotalMilliseconds, "ms");
            yield return new Measurement($"{key}-cpu-db", $"  CPU per {unit}: PostgreSQL, {hosts} node(s)", run.Cpu.Database.TotalMilliseconds, "ms");
            yield return new Measurement($"{key}-cpu", $"  CPU per {unit}: both, {hosts} node(s)", both, "ms");
            if (shape == "chain")
            {
                yield return new Measurement($"{key}-run", $"  CPU per receiver run (both ÷ {WolverineFloor.Runs(chain: true)}), {hosts} node(s)", both / WolverineFloor.Runs(chain: true), "ms");
            }

            yield return new Measurement($"{key}-ceiling", $"  ceiling: {Environment.ProcessorCount} cores × 1,000 ms ÷ CPU per {unit}", Environment.ProcessorCount * 1000 / both, "/s");
            if (run.Statements is { } statements)
            {
                yield return new Measurement($"{key}-statements", $"  SQL statements per {unit}, {hosts} node(s)", statements, "");
            }
        }
    }

    private static Dictionary<string, string?> Settings(string? mailFolder) => new()
    {
        ["Aims:SeedDemoData"] = "true",
        ["Aims:Mail:Delivery"] = "Folder",
        ["Aims:Mail:Folder"] = mailFolder ?? Path.Combine(Path.GetTempPath(), "aims-bench-reminders-filing"),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    // Rows updated in Wolverine's inbox table so far (PostgreSQL's statistics, flushed within a second of each commit).
    private static async Task<long> EnvelopeUpdatesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT n_tup_upd FROM pg_stat_user_tables WHERE schemaname = 'wolverine' AND relname = 'wolverine_incoming_envelopes'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetInt64(0) : 0;
    }

    // Statements the database ran so far, by pg_stat_statements where the cluster preloads it (null where it does not):
    // docs/benchmarks.md says how to turn it on for a run. The statements by total time go to artifacts/bench.
    internal static async Task<long?> StatementsAsync(NpgsqlConnection connection, bool reset, string? report = null)
    {
        try
        {
            await using (var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            if (reset)
            {
                await using var clear = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
                await clear.ExecuteNonQueryAsync();
                return 0;
            }

            const string Mine = "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";
            if (report is not null)
            {
                await using var top = new NpgsqlCommand(
                    $"SELECT calls, round(total_exec_time::numeric, 1), round(total_plan_time::numeric, 1), left(regexp_replace(query, '\\s+', ' ', 'g'), 300) {Mine} ORDER BY total_exec_time + total_plan_time DESC LIMIT 60",
                    connection);
                await using var rows = await top.ExecuteReaderAsync();
                var lines = new List<string> { "calls\texec ms\tplan ms\tquery" };
                while (await rows.ReadAsync())
                {
                    lines.Add($"{rows.GetInt64(0)}\t{rows.GetDecimal(1)}\t{rows.GetDecimal(2)}\t{rows.GetString(3)}");
                }

                Directory.CreateDirectory(Path.GetFullPath("artifacts/bench"));
                await File.WriteAllLinesAsync(Path.GetFullPath($"artifacts/bench/{report}.tsv"), lines);
            }

            await using var sum = new NpgsqlCommand($"SELECT coalesce(sum(calls), 0)::bigint {Mine}", connection);
            return (long)(await sum.ExecuteScalarAsync())!;
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.ObjectNotInPrerequisiteState or PostgresErrorCodes.UndefinedFile)
        {
            return null;
        }
    }

    private static async Task<(double PerSecond, Latencies Delays, CpuUse Cpu, double EnvelopeUpdates, double? Statements)> RunAsync(string database, Guid[] appeals, int hosts, string kind, double? ratePerSecond)
    {
        var folder = Directory.CreateTempSubdirectory("aims-bench-reminders-").FullName;
        var started = new List<AimsAppFactory>();
        try
        {
            for (var n = 0; n < hosts; n++)
            {
                var host = new AimsAppFactory(database, settings: Settings(folder));
                _ = host.Services;
                started.Add(host);
            }

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            // Due three seconds from now, all at once or one every 1/rate seconds in key order: the reminders are Wolverine
            // scheduled messages (ADR 0041), found through its storage API. Their times are set in one statement, as
            // ScheduledMessages.RescheduleAsync sets each (ReminderHostProcessTests does the same): moving 2,000 one by one
            // took longer than the lead on a loaded machine, which spread the burst over the moving.
            var store = started[0].Services.GetRequiredService<IMessageStore>();
            var spacing = ratePerSecond is { } rate ? 1000.0 / rate : 0;
            var keys = appeals.Select(id => $"appeal:{id}:remind:{kind}").ToHashSet();
            var envelopes = (await WolverineInbox.EnvelopesAsync(store))
                .Where(e => e.Status == EnvelopeStatus.Scheduled && WolverineInbox.KeyOf(e) is { } key && keys.Contains(key))
                .OrderBy(WolverineInbox.KeyOf, StringComparer.Ordinal)
                .ToList();
            // The hosts disposed before this run (the filer, the previous run's) leave thousands of compiled resolvers and
            // queries (dynamic methods) to finalize; that is the benchmark's doing, not a reminder's, so it is done first.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var start = DateTimeOffset.UtcNow.AddSeconds(3);
            var dueAt = envelopes.Select((e, n) => (e.Id, At: start.AddMilliseconds(n * spacing))).ToDictionary(p => p.Id, p => p.At);
            await using (var move = new NpgsqlCommand(
                "UPDATE wolverine.wolverine_incoming_envelopes e SET execution_time = d.at FROM unnest(@ids, @ats) AS d(id, at) WHERE e.id = d.id AND e.status = 'Scheduled'",
                connection))
            {
                move.Parameters.AddWithValue("ids", dueAt.Keys.ToArray());
                move.Parameters.AddWithValue("ats", dueAt.Values.Select(at => at.UtcDateTime).ToArray());
                await move.ExecuteNonQueryAsync();
            }

            var due = envelopes.Count;
            // A mark to attach a profiler by (dotnet-trace collect -p <pid>, docs/benchmarks.md).
            Console.WriteLine($"  {due} {kind} reminders due from {start:HH:mm:ss} UTC, {hosts} host(s), {(ratePerSecond is null ? "burst" : "steady")}" +
                (DateTimeOffset.UtcNow > start ? " (WARNING: moving them took past that time, so the burst was spread over the moving)" : ""));
            var statementsBefore = await StatementsAsync(connection, reset: true);
            var cpuBefore = await CpuUse.NowAsync(connection);
            var updatesBefore = await EnvelopeUpdatesAsync(connection);
            var clock = Stopwatch.StartNew();
            // Counted in Wolverine's table, not by loading every envelope through its admin API: that load (thousands of
            // scheduled envelopes, twice a second) cost this process and the database CPU the figures would charge to
            // the reminders.
            await using var handled = new NpgsqlCommand(
                "SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE id = ANY(@ids) AND status = 'Handled'", connection);
            handled.Parameters.AddWithValue("ids", dueAt.Keys.ToArray());
            while ((long)(await handled.ExecuteScalarAsync())! < due)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new TimeoutException($"{kind} reminders not dispatched in 10 minutes.");
                }

                await Task.Delay(500);
            }

            // The notice is the next hop (Appeals' event to Notifications): wait for it too, not only for the reminders.
            await using (var count = new NpgsqlCommand(
                "SELECT count(DISTINCT split_part(source_key, ':', 2)) FROM notifications.notices WHERE source_key LIKE 'reminder:%:' || @kind || ':%'",
                connection))
            {
                count.Parameters.AddWithValue("kind", kind);
                while ((long)(await count.ExecuteScalarAsync())! < due && clock.Elapsed < TimeSpan.FromMinutes(10))
                {
                    await Task.Delay(500);
                }
            }

            // The emails the notices queued, the last hop, are in the CPU figures too.
            await using (var pending = new NpgsqlCommand("SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE status = 'Incoming'", connection))
            {
                while ((long)(await pending.ExecuteScalarAsync())! > 0 && clock.Elapsed < TimeSpan.FromMinutes(10))
                {
                    await Task.Delay(200);
                }
            }

            var cpu = await CpuUse.NowAsync(connection) - cpuBefore;
            var statements = await StatementsAsync(connection, reset: false, report: ratePerSecond is null ? $"reminders-{hosts}-statements" : null) is { } ran
                && statementsBefore is not null
                ? (double?)ran / due
                : null;
            // Wolverine marking an envelope handled after ReceiverDispatch did (ADR 0055) shows here as one more per run.
            await Task.Delay(1500);
            var updates = await EnvelopeUpdatesAsync(connection) - updatesBefore;

            // Each reminder's notice (given in the same transaction as its email is queued) against its due time.
            var delays = new Latencies();
            DateTime first = DateTime.MaxValue, last = DateTime.MinValue;
            var appealOf = envelopes.ToDictionary(e => WolverineInbox.KeyOf(e)!.Split(':')[1], e => dueAt[e.Id]);
            await using (var read = new NpgsqlCommand(
                "SELECT split_part(source_key, ':', 2), min(created_at) FROM notifications.notices WHERE source_key LIKE 'reminder:%:' || @kind || ':%' GROUP BY 1",
                connection))
            {
                read.Parameters.AddWithValue("kind", kind);
                await using var rows = await read.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    if (!appealOf.TryGetValue(rows.GetString(0), out var dueTime))
                    {
                        continue;
                    }

                    var given = rows.GetDateTime(1);
                    delays.Add((given - dueTime.UtcDateTime).TotalMilliseconds);
                    first = dueTime.UtcDateTime < first ? dueTime.UtcDateTime : first;
                    last = given > last ? given : last;
                }
            }

            if (delays.Count != due)
            {
                throw new InvalidOperationException($"{delays.Count} of {due} {kind} reminders gave a notice.");
            }

            return (due / (last - first).TotalSeconds, delays, new CpuUse(cpu.Process / due, cpu.Database / due), (double)updates / due, statements);
        }
        finally
        {
            foreach (var host in started)
            {
                await host.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }
}
