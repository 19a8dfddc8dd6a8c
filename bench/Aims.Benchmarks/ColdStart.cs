using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Aims.Benchmarks;

/// <summary>
/// The built host (Release, <c>dotnet Aims.Host.dll</c>, Production settings) started five times on an up-to-date
/// database: from the process start to the first 200 from <c>/health/ready</c> (issue 20's target: under 3 s). The
/// database is migrated once first (by the first start), so what is timed is a restart, as after a deployment.
/// </summary>
internal sealed class ColdStart : IScenario
{
    private const int Runs = 5;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public string Name => "coldstart";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_coldstart");
        var host = HostAssembly();
        // The first start creates the schema; its time is a first installation's, not a restart's.
        var first = await StartUntilReadyAsync(host, database);
        Console.WriteLine($"  first start (migrating an empty database): {first:0} ms");
        var latencies = new Latencies();
        for (var run = 1; run <= Runs; run++)
        {
            var elapsed = await StartUntilReadyAsync(host, database);
            Console.WriteLine($"  start {run}: {elapsed:0} ms to /health/ready");
            latencies.Add(elapsed);
        }

        return
        [
            new("coldstart-first", "host start to /health/ready, empty database (migrates)", first, "ms"),
            new("coldstart-p50", $"host start to /health/ready, built, migrated database, median of {Runs}", latencies.Percentile(50), "ms"),
            new("coldstart-max", $"host start to /health/ready, slowest of {Runs}", latencies.Percentile(100), "ms"),
        ];
    }

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

    private static async Task<double> StartUntilReadyAsync(string host, string database)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { host },
            WorkingDirectory = Path.GetDirectoryName(host)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Production, with the settings production requires pointed at nothing that is contacted at start-up.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address;
        start.Environment["ConnectionStrings__Aims"] = database;
        start.Environment["Aims__Mail__Delivery"] = "Smtp";
        start.Environment["Aims__Mail__SmtpHost"] = "127.0.0.1";
        start.Environment["Aims__TextMessages__Delivery"] = "Http";
        start.Environment["Aims__TextMessages__GatewayUrl"] = "http://127.0.0.1:9/";
        start.Environment["Aims__Portal__PublicUrl"] = "https://aims.example/";
        start.Environment["Aims__Documents__AllowUnscanned"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

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
                        return clock.Elapsed.TotalMilliseconds;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
