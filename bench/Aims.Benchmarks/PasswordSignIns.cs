using System.Diagnostics;
using System.Net;
using Aims.Testing;
using Microsoft.AspNetCore.Identity;

namespace Aims.Benchmarks;

/// <summary>
/// What password hashing costs a sign-in. First the bare hash check (PBKDF2-HMAC-SHA512, Identity's V3 format) at
/// Identity's default work factor, the one AIMS uses and a heavier one, on one core and on all of them; then the whole
/// password step of sign-in through the real host (page with its antiforgery token, POST, hash check, code issued and
/// queued), at 1, 2 and 8 people signing in at once.
/// </summary>
internal sealed class PasswordSignIns : IScenario
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);

    private static readonly int[] WorkFactors = [100_000, 210_000, 600_000];

    private static readonly int[] People = [1, 2, 8];

    /// <summary>The seeded demo accounts without a mobile number, so the password step leads straight to the code page.</summary>
    private static readonly string[] Accounts =
    [
        "providerrepresentative@demo.aims.example", "mcouser@demo.aims.example", "tradingpartner@demo.aims.example",
        "clientappellant@demo.aims.example", "authorizedrepresentative@demo.aims.example", "agencycoordinator@demo.aims.example",
    ];

    public string Name => "signins";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchEnvironment environment)
    {
        var results = new List<Measurement>();
        foreach (var iterations in WorkFactors)
        {
            foreach (var threads in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                var perSecond = HashChecksPerSecond(iterations, threads);
                results.Add(new Measurement($"hash-{iterations}-{threads}", $"password hash checks, {iterations:N0} iterations, {threads} thread(s)", perSecond, "/s"));
            }
        }

        var database = await environment.RecreateDatabaseAsync("aims_bench_signins");
        await using var portal = new AimsAppFactory(database, settings: new Dictionary<string, string?>
        {
            ["Aims:SeedDemoData"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _ = portal.Services;
        foreach (var people in People)
        {
            var latencies = new Latencies();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, people).Select(person => SignInRepeatedlyAsync(portal, Accounts[person % Accounts.Length], latencies, clock)));
            results.Add(new Measurement($"signin-{people}", $"sign-in password steps through the host, {people} at once", latencies.Count / clock.Elapsed.TotalSeconds, "/s"));
            results.Add(new Measurement($"signin-{people}-p50", $"  latency p50, {people} at once", latencies.Percentile(50), "ms"));
            results.Add(new Measurement($"signin-{people}-p99", $"  latency p99, {people} at once", latencies.Percentile(99), "ms"));
        }

        return results;
    }

    private static double HashChecksPerSecond(int iterations, int threads)
    {
        var hasher = new PasswordHasher<object>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = iterations }));
        var hash = hasher.HashPassword(new object(), "Harbor-Lantern-48!");
        var clock = Stopwatch.StartNew();
        var checks = 0;
        Parallel.For(0, threads, _ =>
        {
            while (clock.Elapsed < Duration / 2)
            {
                if (hasher.VerifyHashedPassword(new object(), hash, "Harbor-Lantern-48!") != PasswordVerificationResult.Success)
                {
                    throw new InvalidOperationException("The benchmark password did not verify.");
                }

                Interlocked.Increment(ref checks);
            }
        });
        return checks / clock.Elapsed.TotalSeconds;
    }

    private static async Task SignInRepeatedlyAsync(AimsAppFactory portal, string email, Latencies latencies, Stopwatch clock)
    {
        while (clock.Elapsed < Duration)
        {
            // A fresh browser each time, as a new visitor would be: its own cookies and antiforgery token.
            using var browser = FormClient.For(portal);
            var started = Stopwatch.GetTimestamp();
            var answer = await browser.StartAsync(email, "Appeals-Demo-Portal!7");
            if (answer.Status != HttpStatusCode.Redirect || answer.Location?.StartsWith("/account/code", StringComparison.Ordinal) != true)
            {
                throw new InvalidOperationException($"The password step for {email} answered {(int)answer.Status} {answer.Location}.");
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
