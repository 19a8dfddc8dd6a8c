using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Aims.Documents.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aims.Documents.Scanning;

internal sealed record ScanVerdict(ScanStatus Status, string? Detail);

/// <summary>
/// A clamd INSTREAM client fed each block as it is stored. A configured scanner in trouble never fails the upload: the
/// document waits in quarantine as <see cref="ScanStatus.Pending"/> for <see cref="PendingScans"/> (ADR 0033).
/// </summary>
internal sealed class ClamdScanner(IOptions<DocumentOptions> options, ILogger<ClamdScanner> logger)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Clamd);

    public async Task<ScanSession> BeginAsync(CancellationToken cancellationToken)
    {
        if (!Configured)
        {
            return new ScanSession(null, null, ScanStatus.NotScanned, "No virus scanner is configured.", logger);
        }

        var client = new TcpClient();
        try
        {
            await ConnectAsync(client, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), cancellationToken);
            return new ScanSession(client, stream, ScanStatus.Pending, null, logger);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            client.Dispose();
            logger.LogWarning("The virus scanner at {Clamd} did not answer ({Error}); documents wait in quarantine until it does", options.Value.Clamd, exception.Message);
            return new ScanSession(null, null, ScanStatus.Pending, "The virus scanner did not answer.", logger);
        }
    }

    /// <summary>A whole stored document, for the retry of one that arrived while clamd was down.</summary>
    public async Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        await using var scan = await BeginAsync(cancellationToken);
        var block = new byte[64 * 1024];
        int read;
        while (scan.Open && (read = await content.ReadAsync(block, cancellationToken)) > 0)
        {
            await scan.SendAsync(block.AsMemory(0, read), cancellationToken);
        }

        return await scan.VerdictAsync(cancellationToken);
    }

    /// <summary>clamd's PING, for /health/ready: true when it answers PONG.</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await ConnectAsync(client, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("zPING\0"u8.ToArray(), cancellationToken);
            return (await ScanSession.ReadReplyAsync(stream, cancellationToken)) == "PONG";
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    // A scanner that accepts but never answers must not hold an upload or a health check for long.
    private async Task ConnectAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var (host, port) = Address(options.Value.Clamd!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No connection to {host}:{port} within 5 seconds.");
        }
    }

    public static (string Host, int Port) Address(string value)
    {
        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>One INSTREAM conversation: blocks in, one verdict out.</summary>
/// <param name="noVerdict">What the document is when clamd gives no verdict: pending, or not scanned when none is configured.</param>
/// <param name="stream">Taken once at open: TcpClient.GetStream() throws after a failed write marks the socket disconnected.</param>
internal sealed class ScanSession(TcpClient? client, NetworkStream? stream, ScanStatus noVerdict, string? unavailable, ILogger logger) : IAsyncDisposable
{
    private string? failure = unavailable;

    private static readonly TimeSpan VerdictTimeout = TimeSpan.FromMinutes(2);

    /// <summary>False once clamd has stopped reading: the rest of the file need not be sent.</summary>
    public bool Open => stream is not null && failure is null;

    public async Task SendAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        if (stream is null || failure is not null || block.Length == 0)
        {
            return;
        }

        try
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)block.Length);
            await stream.WriteAsync(length, cancellationToken);
            await stream.WriteAsync(block, cancellationToken);
        }
        catch (IOException exception)
        {
            // clamd closes the connection when a stream passes its StreamMaxLength; the reply says so, read it below.
            logger.LogWarning(exception, "The virus scanner stopped reading the stream");
            failure = "The virus scanner stopped reading the file.";
        }
    }

    public async Task<ScanVerdict> VerdictAsync(CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            return new ScanVerdict(noVerdict, failure);
        }

        // A clamd that hangs must not hold the upload: no verdict in time leaves the document pending.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(VerdictTimeout);
        try
        {
            if (failure is null)
            {
                await stream.WriteAsync(new byte[4], timeout.Token);
            }

            var reply = await ReadReplyAsync(stream, timeout.Token);
            return Parse(reply) ?? new ScanVerdict(noVerdict, failure ?? (reply.Length > 0 ? reply : "The virus scanner gave no verdict."));
        }
        catch (Exception exception) when (exception is IOException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("The virus scanner gave no verdict ({Error})", exception.Message);
            return new ScanVerdict(noVerdict, failure ?? "The virus scanner gave no verdict.");
        }
    }

    public ValueTask DisposeAsync()
    {
        client?.Dispose();
        return ValueTask.CompletedTask;
    }

    // Replies: "stream: OK", "stream: <signature> FOUND", or "<message> ERROR".
    private static ScanVerdict? Parse(string reply) => reply switch
    {
        "stream: OK" => new ScanVerdict(ScanStatus.Clean, null),
        _ when reply.StartsWith("stream: ", StringComparison.Ordinal) && reply.EndsWith(" FOUND", StringComparison.Ordinal) =>
            new ScanVerdict(ScanStatus.Infected, reply["stream: ".Length..^" FOUND".Length]),
        _ => null,
    };

    public static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var reply = new List<byte>(64);
        var buffer = new byte[256];
        while (reply.Count < 4096)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.AddRange(buffer.AsSpan(0, end < 0 ? read : end));
            if (end >= 0)
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(reply.ToArray()).Trim();
    }
}
