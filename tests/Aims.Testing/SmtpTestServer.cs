using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Aims.Testing;

/// <summary>
/// A small real SMTP server on 127.0.0.1 (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, QUIT) keeping what it receives. It
/// refuses (550) recipients containing "nobody", and mail before AUTH when it requires it; no STARTTLS.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<ReceivedEmail> received = [];
    private readonly (string UserName, string Password)? credentials;

    /// <param name="port">0 for any free port; a former server's port to stand for the same server back up.</param>
    public SmtpTestServer((string UserName, string Password)? requireCredentials = null, int port = 0)
    {
        credentials = requireCredentials;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>One accepted message: the envelope and the message as delivered.</summary>
    public sealed record ReceivedEmail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message, string Raw);

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Refuse (550) recipients containing "nobody"; a test turns it off to stand for the mailbox being fixed.</summary>
    public bool RefuseNobody { get; set; } = true;

    /// <summary>Called with each message as it is accepted, before the client hears "250" (a test may break things then).</summary>
    public Func<ReceivedEmail, Task>? OnReceived { get; set; }

    public IReadOnlyList<ReceivedEmail> Received
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    /// <summary>The raw messages (headers and body as sent).</summary>
    public IReadOnlyList<string> Messages => Received.Select(r => r.Raw).ToList();

    /// <summary>The settings that send the portal's mail here.</summary>
    public IReadOnlyDictionary<string, string?> MailSettings => new Dictionary<string, string?>
    {
        ["Aims:Mail:Delivery"] = "Smtp",
        ["Aims:Mail:SmtpHost"] = "127.0.0.1",
        ["Aims:Mail:SmtpPort"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Aims:Mail:StartTls"] = "false",
        ["Aims:Mail:SmtpTimeout"] = "00:00:05",
    };

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                _ = ConverseAsync(await listener.AcceptTcpClientAsync(stopping.Token));
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            // UTF-8 both ways: the server announces 8BITMIME, so Spanish text may arrive unencoded.
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 aims-test ESMTP");
            var authenticated = credentials is null;
            string? from = null;
            var to = new List<string>();
            try
            {
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-aims-test");
                            await writer.WriteLineAsync("250-8BITMIME");
                            await writer.WriteLineAsync(credentials is null ? "250 SIZE 10485760" : "250-SIZE 10485760");
                            if (credentials is not null)
                            {
                                await writer.WriteLineAsync("250 AUTH PLAIN");
                            }

                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 aims-test");
                            break;
                        case "AUTH":
                            var parts = line.Split(' ');
                            var response = parts.Length > 2 ? parts[2] : await PromptAsync(reader, writer);
                            authenticated = credentials is { } expected && Encoding.UTF8.GetString(Convert.FromBase64String(response)) == $"\0{expected.UserName}\0{expected.Password}";
                            await writer.WriteLineAsync(authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                            break;
                        case "MAIL" when !authenticated:
                            await writer.WriteLineAsync("530 5.7.0 Authentication required");
                            break;
                        case "MAIL":
                            from = Address(line);
                            to.Clear();
                            await writer.WriteLineAsync("250 2.1.0 OK");
                            break;
                        case "RCPT" when RefuseNobody && line.Contains("nobody", StringComparison.OrdinalIgnoreCase):
                            await writer.WriteLineAsync("550 5.1.1 No such mailbox");
                            break;
                        case "RCPT" when from is null:
                            await writer.WriteLineAsync("503 5.5.1 MAIL first");
                            break;
                        case "RCPT":
                            to.Add(Address(line));
                            await writer.WriteLineAsync("250 2.1.5 OK");
                            break;
                        case "DATA" when to.Count == 0:
                            await writer.WriteLineAsync("554 5.5.1 No valid recipients");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                            {
                                // RFC 5321 4.5.2: a line that starts with a dot was sent with one more.
                                data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            var raw = data.ToString();
                            var email = new ReceivedEmail(from!, [.. to], MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw))), raw);
                            if (OnReceived is { } hook)
                            {
                                await hook(email);
                            }

                            lock (received)
                            {
                                received.Add(email);
                            }

                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 2.0.0 Queued");
                            break;
                        case "RSET":
                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                            break;
                    }
                }
            }
            catch (IOException)
            {
                // The client went away mid-conversation.
            }
        }
    }

    private static async Task<string> PromptAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync() ?? "";
    }

    /// <summary>The address in "MAIL FROM:&lt;a@b&gt; SIZE=…" or "RCPT TO:&lt;a@b&gt;".</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', start + 1);
        return start < 0 || end < 0 ? "" : line[(start + 1)..end];
    }
}
