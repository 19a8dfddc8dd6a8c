using System.Diagnostics;
using System.Threading.Channels;
using Aims.MessagingProbe;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>The message relay running in a separate OS process (tests/Aims.MessagingProbe), driven through stdin/stdout.</summary>
internal sealed class ProbeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<string> lines = Channel.CreateUnbounded<string>();

    private ProbeProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lines.Writer.TryWrite(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    /// <param name="settings">Extra configuration (e.g. "Aims:Mail:SmtpPort"), passed as environment variables.</param>
    /// <param name="connectionString">Another way to the test database (through a <c>TcpProxy</c>, say).</param>
    public static async Task<ProbeProcess> StartAsync(
        bool stallAfterReceiver = false, IReadOnlyDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        var probeDll = Path.Combine(AppContext.BaseDirectory, typeof(ProbeModule).Assembly.GetName().Name + ".dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { probeDll, connectionString ?? BuildingBlocksDatabase.ConnectionString },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment[StallingHandler.Variable] = stallAfterReceiver ? "1" : "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var probe = new ProbeProcess(Process.Start(start)!);
        await probe.WaitForLineAsync("READY", TimeSpan.FromSeconds(30));
        return probe;
    }

    public async Task GoAsync() => await process.StandardInput.WriteLineAsync("go");

    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await lines.Reader.ReadAsync(cancel.Token);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
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
