using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aims.Testing;

namespace Aims.Benchmarks;

/// <summary>
/// Informal appeals filed end to end over HTTP through the real host: API token authentication, validation, the
/// provider membership check, the filing key, the case number, the stream with its list projection, the integration
/// event and the confirmation email in the outbox — at 1, 8 and 32 clients filing at once, with p50/p99.
/// </summary>
internal sealed partial class AppealFilings : IScenario
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);

    private static readonly int[] Clients = [1, 8, 32];

    public string Name => "filings";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var database = await environment.RecreateDatabaseAsync("aims_bench_filings");
        await using var portal = new AimsAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Aims:SeedDemoData"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _ = portal.Services;
        var secret = await IssueTokenAsync(portal, database);
        var results = new List<Measurement>();
        using (var roundTrips = new RoundTrips())
        using (var api = Api(portal, secret))
        {
            // Round trips per filing, one client alone: what a filing costs the database in messages, not in time.
            const int Filings = 50;
            var before = roundTrips.Count;
            for (var i = 0; i < Filings; i++)
            {
                await FileAsync(api);
            }

            results.Add(new Measurement("filings-roundtrips", "database round trips per filing (1 client)", (roundTrips.Count - before) / (double)Filings, ""));

            // One more filing with its statements listed, to say where the round trips go.
            roundTrips.Recording = true;
            await FileAsync(api);
            roundTrips.Recording = false;
            var recorded = roundTrips.TakeRecorded();
            Console.WriteLine($"One filing, {recorded.Count} round trips:");
            foreach (var statement in recorded)
            {
                Console.WriteLine($"  {statement}");
            }
        }

        foreach (var clients in Clients)
        {
            var latencies = new Latencies();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => FileRepeatedlyAsync(portal, secret, latencies, clock)));
            var baseline = PgbenchBaseline.Clients.Contains(clients) ? $"pgbench-{clients}" : null;
            results.Add(new Measurement($"filings-{clients}", $"informal appeals filed over HTTP, {clients} client(s)", latencies.Count / clock.Elapsed.TotalSeconds, "/s", baseline));
            results.Add(new Measurement($"filings-{clients}-p50", $"  latency p50, {clients} client(s)", latencies.Percentile(50), "ms"));
            results.Add(new Measurement($"filings-{clients}-p99", $"  latency p99, {clients} client(s)", latencies.Percentile(99), "ms"));
        }

        return results;
    }

    /// <summary>The demo provider representative (who acts for the demo provider) signs in once and issues a token.</summary>
    public static async Task<string> IssueTokenAsync(AimsAppFactory portal, string database)
    {
        using var browser = FormClient.For(portal);
        await browser.SignInAsync(database, "providerrepresentative@demo.aims.example", "Appeals-Demo-Portal!7");
        await browser.PostAsync(
            "/account/api-tokens",
            [new("Name", "Benchmark"), new("Days", "30"), new("Scopes", "AppealsRead"), new("Scopes", "AppealsFile")],
            "/account/api-tokens?handler=Issue");
        return Secret().Match((await browser.GetAsync("/account/api-tokens")).Html).Value;
    }

    private static async Task FileRepeatedlyAsync(AimsAppFactory portal, string secret, Latencies latencies, Stopwatch clock)
    {
        using var api = Api(portal, secret);
        while (clock.Elapsed < Duration)
        {
            var started = Stopwatch.GetTimestamp();
            await FileAsync(api);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public static HttpClient Api(AimsAppFactory portal, string secret)
    {
        var api = portal.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return api;
    }

    /// <summary>Files one informal appeal for the demo provider, naming the demo agency; returns its id.</summary>
    public static async Task<Guid> FileAsync(HttpClient api)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appeals/informal") { Content = JsonContent.Create(Form) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await api.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Filing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appealId").GetGuid();
    }

    private static readonly Dictionary<string, object> Form = new()
    {
        ["providerId"] = Aims.Identity.Contracts.DemoAccounts.ProviderId.ToString(),
        ["agencyId"] = Aims.Identity.Contracts.DemoAccounts.ProviderAgencyId.ToString(),
        ["actionType"] = "ClaimDenial",
        ["noticeDate"] = DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd"),
        ["receivedBy"] = "Email",
        ["fromMco"] = "no",
        ["items"] = new[] { new Dictionary<string, string> { ["reference"] = "CLM-BENCH-1", ["amount"] = "125.00", ["reason"] = "Paid in error." } },
        ["desiredOutcome"] = "Pay the claim.",
        ["contactName"] = "Bench Filer",
        ["contactPhone"] = "804-555-0100",
        ["contactEmail"] = "bench@demo.aims.example",
    };

    [GeneratedRegex(@"aims_pat_[A-Za-z0-9_-]{43}")]
    private static partial Regex Secret();
}
