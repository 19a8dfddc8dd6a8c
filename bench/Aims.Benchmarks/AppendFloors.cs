using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Aims.Host.Composition;
using Aims.MessagingProbe;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.Benchmarks;

/// <summary>
/// What an append can reach, measured without .NET (issue 19's goals, ADR 0042): pgbench runs its own single-row insert
/// and seven transactions of an append's shape on Marten's schema, at 1 and 8 clients, the scripts picked at random in
/// one run so the machine's load falls on all alike; each script's mean latency is compared with the insert's.
/// </summary>
internal sealed partial class AppendFloors : IScenario
{
    private const string Stream = "md5('s' || :client_id)::uuid";
    private const string FloorStream = "md5('f' || :client_id)::uuid";
    private const string Body = "'{\"amount\":1}'";

    public string Name => "appendfloors";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_appendfloors");
        await using (var services = ProbeComposition.Build(database))
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            await new AppendLayers(services).CreateFloorTablesAsync();
        }

        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand(
                "INSERT INTO probe.floor_streams (id, type, version, timestamp, tenant_id) SELECT md5('f' || c)::uuid, 'counter', 0, now(), '*DEFAULT*' FROM generate_series(0, 7) c",
                connection).ExecuteNonQueryAsync();
        }

        (string Key, string Label, string Sql)[] scripts =
        [
            ("insert", "pgbench's one-row insert, autocommit (1 round trip)", "INSERT INTO probe.floor_rows (v) VALUES (1);"),
            ("transaction", "BEGIN + the same insert, COMMIT (2 round trips)", InTransaction("INSERT INTO probe.floor_rows (v) VALUES (1);")),
            ("append-1", "BEGIN + Marten's append function (1 event) + upsert, COMMIT: AIMS's shape", InTransaction(Append(1))),
            ("append-1-onetrip", "  the same with COMMIT in the same round trip", InTransaction(Append(1), commitInPipeline: true)),
            ("append-1-custom", "  the same shape, plan_cache_mode=force_custom_plan (the host's setting)", InTransaction("SET LOCAL plan_cache_mode = force_custom_plan;\n" + Append(1))),
            ("append-100", "BEGIN + Marten's append function (100 events) + upsert, COMMIT", InTransaction(Append(100))),
            ("set-1", "BEGIN + a set-based insert (1 event) + upsert, COMMIT", InTransaction(SetBased(1))),
            ("set-100", "BEGIN + a set-based insert (100 events) + upsert, COMMIT", InTransaction(SetBased(100))),
        ];
        var folder = Directory.CreateTempSubdirectory("aims-append-floors");
        var files = new List<string>();
        for (var i = 0; i < scripts.Length; i++)
        {
            files.Add(Path.Combine(folder.FullName, $"{i}-{scripts[i].Key}.sql"));
            await File.WriteAllTextAsync(files[i], scripts[i].Sql);
        }

        var results = new List<Measurement>();
        foreach (var clients in PgbenchBaseline.Clients)
        {
            var latencies = await PgbenchAsync(environment, database, files, clients);
            for (var i = 0; i < scripts.Length; i++)
            {
                // At a fixed client count throughput is the inverse of latency: the insert's latency over a script's is its share of pgbench's rate.
                var key = $"appendfloors-{clients}-{scripts[i].Key}";
                var baseline = scripts[i].Key switch
                {
                    "insert" => null,
                    "append-100" => $"appendfloors-{clients}-append-1",
                    "set-100" => $"appendfloors-{clients}-set-1",
                    _ => $"appendfloors-{clients}-insert",
                };
                results.Add(new Measurement(key, $"{scripts[i].Label}, {clients} client(s): mean latency", latencies[i], "ms", baseline));
            }

            results.Add(new Measurement($"appendfloors-{clients}-shape-vs-pgbench", $"  AIMS's shape, {clients} client(s), as a share of pgbench's insert rate", latencies[0] / latencies[2], "x"));
        }

        folder.Delete(recursive: true);
        return results;
    }

    /// <summary>One pgbench run of all the scripts, picked at random; each script's mean latency in milliseconds, in order.</summary>
    private static async Task<IReadOnlyList<double>> PgbenchAsync(BenchEnvironment environment, string database, IReadOnlyList<string> files, int clients)
    {
        var target = new NpgsqlConnectionStringBuilder(database);
        var start = new ProcessStartInfo(environment.Pgbench) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-n", "-M", "extended", "-T", "20", "-c", $"{clients}", "-j", $"{clients}" }
                     .Concat(files.SelectMany(file => new[] { "-f", file }))
                     .Concat(["-h", target.Host!, "-p", $"{target.Port}", "-U", target.Username!, target.Database!]))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = target.Password ?? "";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var latencies = ScriptLatency().Matches(output).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return process.ExitCode == 0 && latencies.Count == files.Count
            ? latencies
            : throw new InvalidOperationException($"pgbench gave {latencies.Count} script latencies: {output}{errors}");
    }

    /// <summary>In a transaction, the statements sent as one pipeline (Npgsql sends BEGIN and a batch the same way); COMMIT after it, or in it.</summary>
    private static string InTransaction(string statements, bool commitInPipeline = false) =>
        commitInPipeline
            ? $"\\startpipeline\nBEGIN;\n{statements}\nCOMMIT;\n\\endpipeline\n"
            : $"\\startpipeline\nBEGIN;\n{statements}\n\\endpipeline\nCOMMIT;\n";

    /// <summary>Marten's quick-append function with <paramref name="events"/> events on the client's stream (created by the first call), and the projection's upsert.</summary>
    private static string Append(int events) =>
        $"""
         SELECT probe.mt_quick_append_events({Stream}, 'counter', '*DEFAULT*', {Each(events, "gen_random_uuid()")}, {Each(events, "'counter_incremented'::varchar")}, {Each(events, $"'{typeof(CounterIncremented).AssemblyQualifiedName}'::varchar")}, {Each(events, $"{Body}::jsonb")}, {Each(events, "null::bytea")}, {Each(events, "null::varchar")}, {Each(events, "'bench'::varchar")}, {Each(events, "'tester'::varchar")}, {Each(events, "now()")}, null);
         {Upsert(Stream, events)}
         """;

    /// <summary>The same rows as one INSERT … SELECT into copies of Marten's tables (their indexes and foreign key), the stream's version moved with it.</summary>
    private static string SetBased(int events) =>
        $"""
         WITH s AS (UPDATE probe.floor_streams SET version = version + {events} WHERE id = {FloorStream} RETURNING version) INSERT INTO probe.floor_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, correlation_id, causation_id, user_name) SELECT nextval('probe.mt_events_sequence'), gen_random_uuid(), {FloorStream}, s.version - {events} + g, {Body}, 'counter_incremented', '*DEFAULT*', now(), '{typeof(CounterIncremented).AssemblyQualifiedName}', false, 'bench', null, 'tester' FROM s, generate_series(1, {events}) g;
         {Upsert(FloorStream, events)}
         """;

    private static string Each(int events, string value) => $"array(SELECT {value} FROM generate_series(1, {events}))";

    private static string Upsert(string stream, int events) =>
        $"INSERT INTO probe.counters (stream_id, total, events) VALUES ({stream}, {events}, {events}) ON CONFLICT (stream_id) DO UPDATE SET total = counters.total + EXCLUDED.total, events = counters.events + EXCLUDED.events;";

    [GeneratedRegex(@"- latency average = ([\d.]+) ms")]
    private static partial Regex ScriptLatency();
}
