using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Aims.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Benchmarks;

/// <summary>
/// Documents through the real host, PostgreSQL backend: upload and download throughput for 1 MB and 100 MB files,
/// each as a ratio to <c>dd</c> writing and reading the same size on the temp disk, and the process's peak memory
/// growth while a 100 MB upload streams (it should stay near the 1 MiB chunk plus buffers, not grow with the file).
/// </summary>
internal sealed partial class DocumentTransfers : IScenario
{
    private const int Megabyte = 1024 * 1024;

    public string Name => "documents";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_documents");
        await using var portal = new AimsAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Aims:SeedDemoData"] = "true",
            ["Aims:Documents:MaxFileBytes"] = (128L * Megabyte).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        // Kestrel on a port rather than TestServer: a real socket gives the upload real backpressure, as in production.
        portal.UseKestrel(0);
        portal.StartServer();
        var address = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        using var api = new HttpClient { BaseAddress = baseAddress };
        api.Timeout = TimeSpan.FromMinutes(10);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenAsync(database, baseAddress));
        var appeal = await FirstAppealAsync(api);
        var results = new List<Measurement>();
        foreach (var megabytes in new[] { 1, 100 })
        {
            var (ddWrite, ddRead) = await DdAsync(megabytes);
            results.Add(new Measurement($"dd-write-{megabytes}", $"dd write {megabytes} MB (conv=fsync)", ddWrite, "MB/s"));
            results.Add(new Measurement($"dd-read-{megabytes}", $"dd read {megabytes} MB", ddRead, "MB/s"));
            var rounds = megabytes == 1 ? 20 : 2;
            double uploadSeconds = 0, downloadSeconds = 0;
            long peakGrowth = 0;
            long allocated = 0;
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                var before = Process.GetCurrentProcess().WorkingSet64;
                using var sampling = new CancellationTokenSource();
                var peak = SamplePeakAsync(sampling.Token);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                var id = await UploadAsync(api, appeal, megabytes * (long)Megabyte);
                uploadSeconds += clock.Elapsed.TotalSeconds;
                allocated = Math.Max(allocated, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
                await sampling.CancelAsync();
                peakGrowth = Math.Max(peakGrowth, await peak - before);
                clock.Restart();
                await DownloadAsync(api, appeal, id, megabytes * (long)Megabyte);
                downloadSeconds += clock.Elapsed.TotalSeconds;
            }

            var upload = megabytes * rounds / uploadSeconds;
            var download = megabytes * rounds / downloadSeconds;
            results.Add(new Measurement($"upload-{megabytes}", $"upload {megabytes} MB file (stored in PostgreSQL); ratio to dd write", upload, "MB/s", $"dd-write-{megabytes}"));
            results.Add(new Measurement($"download-{megabytes}", $"download {megabytes} MB file; ratio to dd read", download, "MB/s", $"dd-read-{megabytes}"));
            if (megabytes == 100)
            {
                results.Add(new Measurement("upload-100-memory", "peak working-set growth during a 100 MB upload", peakGrowth / (double)Megabyte, "MB"));
                results.Add(new Measurement("upload-100-allocated", "bytes allocated (client and host) during a 100 MB upload", allocated / (double)Megabyte, "MB"));
            }
        }

        return results;
    }

    private static async Task<Guid> UploadAsync(HttpClient api, Guid appeal, long size)
    {
        const string boundary = "bench-boundary-5d2a";
        var head = Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nEvidence\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"bench-{Guid.NewGuid():N}.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var content = new StreamContent(new GeneratedBody(head, size, tail));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        content.Headers.ContentLength = head.Length + size + tail.Length;
        using var response = await api.PostAsync($"/api/v1/appeals/{appeal}/documents", content);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Created
            ? Guid.Parse(DocumentId().Match(body).Groups[1].Value)
            : throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {body}");
    }

    private static async Task DownloadAsync(HttpClient api, Guid appeal, Guid id, long size)
    {
        using var response = await api.GetAsync($"/api/v1/appeals/{appeal}/documents/{id}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        if (total != size)
        {
            throw new InvalidOperationException($"Downloaded {total} bytes of {size}.");
        }
    }

    private static async Task<long> SamplePeakAsync(CancellationToken stop)
    {
        long peak = 0;
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            process.Refresh();
            peak = Math.Max(peak, process.WorkingSet64);
            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }

    private static async Task<(double Write, double Read)> DdAsync(int megabytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"aims-bench-dd-{Guid.NewGuid():N}");
        try
        {
            var write = await TimeAsync($"if=/dev/urandom of={file} bs=1M count={megabytes} conv=fsync");
            var read = await TimeAsync($"if={file} of=/dev/null bs=1M");
            return (megabytes / write, megabytes / read);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<double> TimeAsync(string arguments)
    {
        var clock = Stopwatch.StartNew();
        using var dd = Process.Start(new ProcessStartInfo("dd", arguments) { RedirectStandardError = true })!;
        await dd.StandardError.ReadToEndAsync();
        await dd.WaitForExitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<string> IssueTokenAsync(string database, Uri baseAddress)
    {
        using var browser = new FormClient(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress });
        await browser.SignInAsync(database, "providerrepresentative@demo.aims.example", "Appeals-Demo-Portal!7");
        await browser.PostAsync(
            "/account/api-tokens",
            [new("Name", "Benchmark"), new("Days", "30"), new("Scopes", "AppealsRead"), new("Scopes", "DocumentsWrite")],
            "/account/api-tokens?handler=Issue");
        return Secret().Match((await browser.GetAsync("/account/api-tokens")).Html).Value;
    }

    private static async Task<Guid> FirstAppealAsync(HttpClient api)
    {
        var list = await api.GetStringAsync("/api/v1/appeals");
        return Guid.Parse(DocumentId().Match(list).Groups[1].Value);
    }

    [GeneratedRegex(@"aims_pat_[A-Za-z0-9_-]{43}")]
    private static partial Regex Secret();

    [GeneratedRegex("\"id\":\"([0-9a-f-]{36})\"")]
    private static partial Regex DocumentId();

    /// <summary>A multipart body made on the fly: a PDF-looking file of pseudo-random bytes, never held whole.</summary>
    private sealed class GeneratedBody(byte[] head, long size, byte[] tail) : Stream
    {
        private readonly Random random = new(42);
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => head.Length + size + tail.Length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length && position < Length)
            {
                var target = buffer[written..];
                int n;
                if (position < head.Length)
                {
                    n = Math.Min(target.Length, head.Length - (int)position);
                    head.AsSpan((int)position, n).CopyTo(target);
                }
                else if (position < head.Length + size)
                {
                    var into = position - head.Length;
                    n = (int)Math.Min(target.Length, size - into);
                    random.NextBytes(target[..n]);
                    if (into == 0)
                    {
                        "%PDF-1.7\n"u8.CopyTo(target);
                    }
                }
                else
                {
                    var into = (int)(position - head.Length - size);
                    n = Math.Min(target.Length, tail.Length - into);
                    tail.AsSpan(into, n).CopyTo(target);
                }

                written += n;
                position += n;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
