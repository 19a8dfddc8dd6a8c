using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aims.Testing;

/// <summary>
/// Debian's real clamd on a free local port, with one signature the project makes (EICAR: no downloads here).
/// `./build.sh test` installs clamav-daemon; without it the documents tests fail, saying so.
/// </summary>
public sealed class ClamdTestServer : IAsyncDisposable
{
    /// <summary>The industry's harmless test "virus": every scanner reports it.</summary>
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private const string Daemon = "/usr/sbin/clamd";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "aims-clamd-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public int Port { get; private set; }

    public string Address => $"127.0.0.1:{Port}";

    public static async Task<ClamdTestServer> StartAsync()
    {
        if (!File.Exists(Daemon))
        {
            throw new InvalidOperationException($"{Daemon} is missing: install clamav-daemon (./build.sh test does).");
        }

        var server = new ClamdTestServer();
        await server.RunAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunAsync()
    {
        var database = Directory.CreateDirectory(Path.Combine(folder, "db")).FullName;
        await File.WriteAllTextAsync(
            Path.Combine(database, "aims-test.ndb"),
            $"Aims.Test.EICAR:0:*:{Convert.ToHexStringLower(Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE"))}\n");
        Port = FreePort();
        var config = Path.Combine(folder, "clamd.conf");
        await File.WriteAllTextAsync(config, $"""
            Foreground yes
            TCPSocket {Port}
            TCPAddr 127.0.0.1
            DatabaseDirectory {database}
            LogFile {Path.Combine(folder, "clamd.log")}
            StreamMaxLength 200M
            """);
        process = Process.Start(new ProcessStartInfo(Daemon, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var waited = 0; waited < 300; waited++)
        {
            if (await AnswersPingAsync())
            {
                return;
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        var log = Path.Combine(folder, "clamd.log");
        throw new InvalidOperationException($"clamd did not start: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("zPING\0"u8.ToArray());
            var reply = new byte[16];
            var read = await stream.ReadAsync(reply);
            return Encoding.ASCII.GetString(reply, 0, read).StartsWith("PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
