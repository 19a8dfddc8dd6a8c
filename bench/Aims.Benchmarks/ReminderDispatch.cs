using System.Diagnostics;
using Aims.Testing;
using Npgsql;

namespace Aims.Benchmarks;

/// <summary>
/// Appeal reminders dispatched by one and by two hosts over one database. 2,000 informal appeals are filed over the
/// API (each schedules its decision-clock reminders); for each run one kind of those reminders is made due by moving
/// its due time, and the hosts (relay on, real clock, mail to a folder) carry each through the whole path: the
/// scheduled message, Appeals checking the date still stands, the integration event, Notifications giving the notice
/// and queueing the email, and the email written. A burst (all due at once) gives the rate; a steady run at 80 % of that
/// rate gives the delay from due time to the notice and email being queued, which includes waiting for the next poll
/// (scheduled messages are found by polling once a second; only new outbox messages wake the relay at once).
/// </summary>
internal sealed class ReminderDispatch : IScenario
{
    private const int Appeals = 2000;

    public string Name => "reminders";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_reminders");
        var filed = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await using (var filer = new AimsAppFactory(database, settings: Settings(relay: false, mailFolder: null)))
        {
            var secret = await AppealFilings.IssueTokenAsync(filer, database);
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                using var api = AppealFilings.Api(filer, secret);
                while (Interlocked.Increment(ref next) <= Appeals)
                {
                    filed.Add(await AppealFilings.FileAsync(api));
                }
            }));
        }

        var results = new List<Measurement>();
        var kinds = new Queue<string>(["ClockFourteenDays", "ClockSevenDays", "ClockOneDay", "ClockPassed"]);
        foreach (var hosts in new[] { 1, 2 })
        {
            var rate = await RunAsync(database, [.. filed], hosts, kinds.Dequeue(), ratePerSecond: null);
            results.Add(new Measurement($"reminders-{hosts}", $"reminders dispatched, burst of {Appeals}+, {hosts} host(s)", rate.PerSecond, "/s"));
            var steady = await RunAsync(database, [.. filed], hosts, kinds.Dequeue(), ratePerSecond: rate.PerSecond * 0.8);
            results.Add(new Measurement($"reminders-{hosts}-steady", $"  steady run at 80 % of that, {hosts} host(s)", steady.PerSecond, "/s"));
            results.Add(new Measurement($"reminders-{hosts}-p50", $"  due → notice and email queued p50, {hosts} host(s)", steady.Delays.Percentile(50), "ms"));
            results.Add(new Measurement($"reminders-{hosts}-p95", $"  due → notice and email queued p95, {hosts} host(s)", steady.Delays.Percentile(95), "ms"));
            results.Add(new Measurement($"reminders-{hosts}-max", $"  due → notice and email queued max, {hosts} host(s)", steady.Delays.Percentile(100), "ms"));
        }

        return results;
    }

    private static Dictionary<string, string?> Settings(bool relay, string? mailFolder) => new()
    {
        ["Aims:SeedDemoData"] = "true",
        ["Aims:Messaging:RelayEnabled"] = relay ? "true" : "false",
        ["Aims:Mail:Delivery"] = "Folder",
        ["Aims:Mail:Folder"] = mailFolder ?? Path.Combine(Path.GetTempPath(), "aims-bench-reminders-filing"),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static async Task<(double PerSecond, Latencies Delays)> RunAsync(string database, Guid[] appeals, int hosts, string kind, double? ratePerSecond)
    {
        var folder = Directory.CreateTempSubdirectory("aims-bench-reminders-").FullName;
        var started = new List<AimsAppFactory>();
        try
        {
            for (var n = 0; n < hosts; n++)
            {
                var host = new AimsAppFactory(database, settings: Settings(relay: true, folder));
                _ = host.Services;
                started.Add(host);
            }

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            // Due two seconds from now, all at once or one every 1/rate seconds in key order.
            var spacing = ratePerSecond is { } rate ? 1000.0 / rate : 0;
            var keys = appeals.Select(id => $"appeal:{id}:remind:{kind}").ToArray();
            var due = await Execute(connection, """
                UPDATE messaging.messages m SET due_at = now() + interval '2 seconds' + (o.n * @spacing) * interval '1 millisecond'
                FROM (SELECT id, row_number() OVER (ORDER BY key) - 1 AS n FROM messaging.messages WHERE status = 0 AND key = ANY(@keys)) o
                WHERE m.id = o.id
                """, ("spacing", spacing), ("keys", keys));
            var clock = Stopwatch.StartNew();
            while (await Count(connection, "SELECT count(*) FROM messaging.messages WHERE status = 0 AND key = ANY(@keys)", keys) > 0
                || await Count(connection, "SELECT count(*) FROM messaging.messages WHERE status = 0 AND due_at <= now()", keys) > 0)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new TimeoutException($"{kind} reminders not dispatched in 10 minutes.");
                }

                await Task.Delay(100);
            }

            // Each reminder's notice (given in the same transaction as its email is queued) against its due time.
            var delays = new Latencies();
            DateTime first = DateTime.MaxValue, last = DateTime.MinValue;
            await using (var read = new NpgsqlCommand(
                """
                SELECT m.due_at, min(n.created_at)
                FROM messaging.messages m
                JOIN notifications.notices n ON n.source_key LIKE 'reminder:' || split_part(m.key, ':', 2) || ':' || @kind || ':%'
                WHERE m.key = ANY(@keys) AND m.status = 1
                GROUP BY m.id, m.due_at
                """, connection))
            {
                read.Parameters.AddWithValue("kind", kind);
                read.Parameters.AddWithValue("keys", keys);
                await using var rows = await read.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    var dueAt = rows.GetDateTime(0);
                    var given = rows.GetDateTime(1);
                    delays.Add((given - dueAt).TotalMilliseconds);
                    first = dueAt < first ? dueAt : first;
                    last = given > last ? given : last;
                }
            }

            if (delays.Count != due)
            {
                throw new InvalidOperationException($"{delays.Count} of {due} {kind} reminders gave a notice.");
            }

            return (due / (last - first).TotalSeconds, delays);
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

    private static async Task<int> Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Count(NpgsqlConnection connection, string sql, string[] keys)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("keys", keys);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
