using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Aims.Documents.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aims.Documents.Scanning;

internal sealed record ScanVerdict(ScanStatus Status, string? Detail);

/// <summary>
/// A ClamAV <c>clamd</c> client speaking INSTREAM over TCP. The upload feeds it each block as the block is stored, so a
/// file is scanned while it streams in and never held whole. Any trouble with the scanner (not configured, down, a
/// stream over clamd's limit) makes the verdict "not scanned" rather than failing the upload: the division would rather
/// have the document, marked, than lose it.
/// </summary>
internal sealed class ClamdScanner(IOptions<DocumentOptions> options, ILogger<ClamdScanner> logger)
{
    public async Task<ScanSession> BeginAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Clamd))
        {
            return new ScanSession(null, "No virus scanner is configured.", logger);
        }

        var (host, port) = Address(options.Value.Clamd);
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), cancellationToken);
            return new ScanSession(client, null, logger);
        }
        catch (SocketException exception)
        {
            client.Dispose();
            logger.LogWarning(exception, "The virus scanner at {Clamd} did not answer; documents are stored as not scanned", options.Value.Clamd);
            return new ScanSession(null, "The virus scanner did not answer.", logger);
        }
    }

    private static (string Host, int Port) Address(string value)
    {
        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>One INSTREAM conversation: blocks in, one verdict out.</summary>
internal sealed class ScanSession(TcpClient? client, string? unavailable, ILogger logger) : IAsyncDisposable
{
    private string? failure = unavailable;

    public async Task SendAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        if (client is null || failure is not null || block.Length == 0)
        {
            return;
        }

        try
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)block.Length);
            var stream = client.GetStream();
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
        if (client is null)
        {
            return new ScanVerdict(ScanStatus.NotScanned, failure);
        }

        try
        {
            var stream = client.GetStream();
            if (failure is null)
            {
                await stream.WriteAsync(new byte[4], cancellationToken);
            }

            var reply = await ReadReplyAsync(stream, cancellationToken);
            return Parse(reply) ?? new ScanVerdict(ScanStatus.NotScanned, failure ?? reply);
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "The virus scanner gave no verdict");
            return new ScanVerdict(ScanStatus.NotScanned, failure ?? "The virus scanner gave no verdict.");
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

    private static async Task<string> ReadReplyAsync(NetworkStream stream, CancellationToken cancellationToken)
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
