using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aims.IntegrationTests.Host;

/// <summary>The built host run as its own OS process (as `dotnet Aims.Host.dll`), for what only a real start shows.</summary>
internal static class HostProcess
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(120);

    public sealed record Outcome(int ExitCode, string Output);

    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, arguments))!;
        var output = new StringBuilder();
        Capture(process, output);
        // Generous: on a machine shared by several builds a start alone has taken 25-60 s.
        using var timeout = new CancellationTokenSource(ExitWithin);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The host did not exit within {ExitWithin.TotalSeconds} s. Output:\n{output}");
        }

        process.WaitForExit();
        return new Outcome(process.ExitCode, output.ToString());
    }

    /// <summary>Starts the host serving on a free port of its own and waits until `/health/ready` answers 200.</summary>
    public static async Task<Serving> ServeAsync(IReadOnlyDictionary<string, string> environment, TimeSpan? readyWithin = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = Process.Start(StartInfo(new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = address.ToString() }, []))!;
        var output = new StringBuilder();
        Capture(process, output);
        var serving = new Serving(process, address, output);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (readyWithin ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await serving.DisposeAsync();
                Assert.Fail($"The host at {address} did not become ready. Output:\n{output}");
            }

            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return serving;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A host process serving HTTP; disposing it kills it (SIGKILL) if it still runs.</summary>
    public sealed class Serving(Process process, Uri address, StringBuilder output) : IAsyncDisposable
    {
        public Uri Address => address;

        public int Id => process.Id;

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        /// <summary>SIGKILL: no shutdown code runs, exactly like a crashed or killed host.</summary>
        public async Task KillAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await KillAsync();
            process.Dispose();
        }
    }

    /// <summary>A loopback port nothing listens on at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Aims.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static void Capture(Process process, StringBuilder output)
    {
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
