using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Aims.Benchmarks;

/// <summary>
/// The built host (Release, <c>dotnet Aims.Host.dll</c>, Production settings) started five times on an up-to-date
/// database: from the process start to the first 200 from <c>/health/ready</c> (issue 20's target: under 3 s). The
/// database is migrated once first (<c>Aims.Host migrate</c>), so what is timed is a restart, as after a deployment.
/// <c>AIMS_BENCH_COLDSTART_HOST</c> names another Aims.Host.dll to time (a published one), and
/// <c>AIMS_BENCH_COLDSTART_BASELINE</c> one to start in turn with it (before/after in the same minutes).
/// </summary>
internal sealed partial class ColdStart : IScenario
{
    private const int Runs = 5;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public string Name => "coldstart";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_coldstart");
        var host = Environment.GetEnvironmentVariable("AIMS_BENCH_COLDSTART_HOST") is { Length: > 0 } chosen ? chosen : HostAssembly();
        // Another build of the host (e.g. main's), started in turn with this one on the same database, so that both
        // are measured in the same minutes of a shared machine.
        var baseline = Environment.GetEnvironmentVariable("AIMS_BENCH_COLDSTART_BASELINE") is { Length: > 0 } other ? other : null;
        // The schema is migrate's job (ADR 0049, amended): a deployment migrates, then starts the service.
        var migrate = Stopwatch.StartNew();
        var migrated = await RunToExitAsync(host, database, "migrate");
        Console.WriteLine($"  migrate (an empty database): {migrate.Elapsed.TotalMilliseconds:0} ms; {migrated}");
        var latencies = new Latencies();
        var baselineLatencies = new Latencies();
        // CPU the host used until it was ready: on a shared machine it moves far less with the load than the wall clock.
        var cpu = new Latencies();
        var baselineCpu = new Latencies();
        for (var run = 1; run <= Runs; run++)
        {
            if (baseline is not null)
            {
                var (before, beforeCpu) = await StartUntilReadyAsync(baseline, database, showPhases: false);
                Console.WriteLine($"  baseline start {run}: {before:0} ms to /health/ready, {beforeCpu:0} ms CPU (load {LoadAverage()})");
                baselineLatencies.Add(before);
                baselineCpu.Add(beforeCpu);
            }

            var (elapsed, used) = await StartUntilReadyAsync(host, database, showPhases: run == Runs);
            Console.WriteLine($"  start {run}: {elapsed:0} ms to /health/ready, {used:0} ms CPU (load {LoadAverage()})");
            latencies.Add(elapsed);
            cpu.Add(used);
        }

        List<Measurement> results =
        [
            new("coldstart-migrate", "migrate an empty database (Aims.Host migrate)", migrate.Elapsed.TotalMilliseconds, "ms"),
            new("coldstart-p50", $"host start to /health/ready, built, migrated database, median of {Runs}", latencies.Percentile(50), "ms"),
            new("coldstart-max", $"host start to /health/ready, slowest of {Runs}", latencies.Percentile(100), "ms"),
            new("coldstart-cpu-p50", $"CPU the host used until ready (all its threads), median of {Runs}", cpu.Percentile(50), "ms"),
        ];
        if (baseline is not null)
        {
            results.Add(new("coldstart-baseline-p50", $"the baseline build, same runs interleaved, median of {Runs}", baselineLatencies.Percentile(50), "ms"));
            results.Add(new("coldstart-baseline-max", "the baseline build, slowest", baselineLatencies.Percentile(100), "ms"));
            results.Add(new("coldstart-baseline-cpu-p50", "the baseline build's CPU until ready, median", baselineCpu.Percentile(50), "ms"));
        }

        return results;
    }

    /// <summary>The 1-minute load average, to read the figures by.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>The host's own Release build (built by <c>dotnet run -c Release</c> of this project, which references it).</summary>
    private static string HostAssembly()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Aims.sln")))
        {
            folder = folder.Parent;
        }

        var host = folder is null ? null : Path.Combine(folder.FullName, "src/Host/Aims.Host/bin/Release/net10.0/Aims.Host.dll");
        return host is not null && File.Exists(host)
            ? host
            : throw new InvalidOperationException("The host's Release build was not found: run the benchmarks with ./build.sh bench (or dotnet run -c Release).");
    }

    private static async Task<string> RunToExitAsync(string host, string database, string verb)
    {
        var start = StartInfo(host, database);
        start.ArgumentList.Add(verb);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? ""
            : throw new InvalidOperationException($"`{verb}` exited with code {process.ExitCode}:\n{output}");
    }

    /// <summary>Production, with the settings production requires pointed at nothing that is contacted at start-up.</summary>
    private static ProcessStartInfo StartInfo(string host, string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { host },
            WorkingDirectory = Path.GetDirectoryName(host)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Aims"] = database;
        start.Environment["Aims__Mail__Delivery"] = "Smtp";
        start.Environment["Aims__Mail__SmtpHost"] = "127.0.0.1";
        start.Environment["Aims__TextMessages__Delivery"] = "Http";
        start.Environment["Aims__TextMessages__GatewayUrl"] = "http://127.0.0.1:9/";
        start.Environment["Aims__Portal__PublicUrl"] = "https://aims.example/";
        start.Environment["Aims__Documents__AllowUnscanned"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The host's own timeline of its start (StartupTimeline), printed for the last run.
        start.Environment["Logging__LogLevel__Startup"] = "Debug";
        return start;
    }

    private static async Task<(double Milliseconds, double CpuMilliseconds)> StartUntilReadyAsync(string host, string database, bool showPhases)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = StartInfo(host, database);
        start.Environment["ASPNETCORE_URLS"] = address;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < GiveUpAfter)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready:\n{output}");
                }

                try
                {
                    using var response = await http.GetAsync($"{address}/health/ready");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var ready = clock.Elapsed.TotalMilliseconds;
                        process.Refresh();
                        var used = process.TotalProcessorTime.TotalMilliseconds;
                        if (showPhases)
                        {
                            await Task.Delay(200); // the timeline is logged just after the server starts listening
                            foreach (Match phase in Phase().Matches(output.ToString()))
                            {
                                Console.WriteLine($"    {phase.Groups[1].Value}");
                            }
                        }

                        return (ready, used);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or listening but still starting.
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"The host was not ready within {GiveUpAfter.TotalSeconds} s:\n{output}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    [GeneratedRegex("\"Message\":\"Start-up: ([^\"]+)\"")]
    private static partial Regex Phase();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
