using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Aims.Benchmarks;

/// <summary>The floor: pgbench single-row insert transactions on the same cluster, at 1 and 8 clients.</summary>
internal sealed partial class PgbenchBaseline : IScenario
{
    public static readonly int[] Clients = [1, 8];

    public string Name => "pgbench";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_pgbench");
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE t (id bigserial PRIMARY KEY, v integer NOT NULL)", connection).ExecuteNonQueryAsync();
        }

        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script, "INSERT INTO t (v) VALUES (1);\n");
        var target = new NpgsqlConnectionStringBuilder(database);
        var results = new List<Measurement>();
        foreach (var clients in Clients)
        {
            var start = new ProcessStartInfo(environment.Pgbench)
            {
                ArgumentList = { "-n", "-f", script, "-T", "10", "-c", $"{clients}", "-j", $"{clients}", "-h", target.Host!, "-p", $"{target.Port}", "-U", target.Username!, target.Database! },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["PGPASSWORD"] = target.Password ?? "";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var tps = Tps().Match(output);
            if (!tps.Success)
            {
                throw new InvalidOperationException($"pgbench printed no tps: {output}{await process.StandardError.ReadToEndAsync()}");
            }

            results.Add(new Measurement($"pgbench-{clients}", $"pgbench single-row insert, {clients} client(s)", double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), "tps"));
        }

        File.Delete(script);
        return results;
    }

    [GeneratedRegex(@"tps = ([\d.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
