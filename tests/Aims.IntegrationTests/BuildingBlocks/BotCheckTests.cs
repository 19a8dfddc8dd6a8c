using Aims.BuildingBlocks.BotCheck;
using Aims.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aims.IntegrationTests.BuildingBlocks;

/// <summary>The proof-of-work bot check: a solved challenge passes once; anything forged, stale or replayed fails.</summary>
public sealed class BotCheckTests : ProbeTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Now);

    protected override TimeProvider Clock => clock;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Aims:BotCheck:MaxNumber"] = "2000" };

    private ProofOfWorkBotCheck BotCheck => Services.GetRequiredService<ProofOfWorkBotCheck>();

    [Test]
    public async Task A_solved_challenge_passes_once_and_its_replay_fails()
    {
        var payload = BotCheckSolver.Solve(BotCheck.Create());

        (await BotCheck.VerifyAsync(payload, CancellationToken.None)).ShouldBeTrue();
        (await BotCheck.VerifyAsync(payload, CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_wrong_number_fails()
    {
        var challenge = BotCheck.Create();
        var wrong = Enumerable.Range(0, 2001).First(n => ProofOfWorkBotCheck.Hash(challenge.Salt, n) != challenge.Challenge);

        (await BotCheck.VerifyAsync(BotCheckSolver.Encode(challenge, wrong), CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_challenge_made_up_by_the_client_fails_because_its_signature_is_not_ours()
    {
        var salt = "00aa?expires=" + Now.AddMinutes(5).ToUnixTimeSeconds();
        var forged = new BotChallenge(ProofOfWorkBotCheck.Algorithm, ProofOfWorkBotCheck.Hash(salt, 1), salt, "AAAA", 10);

        (await BotCheck.VerifyAsync(BotCheckSolver.Encode(forged, 1), CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_challenge_signed_by_another_application_fails()
    {
        var stranger = new ProofOfWorkBotCheck(
            new EphemeralDataProtectionProvider(), Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), clock,
            Options.Create(new BotCheckOptions { MaxNumber = 50 }));

        (await BotCheck.VerifyAsync(BotCheckSolver.Solve(stranger.Create()), CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_challenge_solved_after_its_ten_minutes_fails()
    {
        var payload = BotCheckSolver.Solve(BotCheck.Create());
        clock.Advance(TimeSpan.FromMinutes(10));

        (await BotCheck.VerifyAsync(payload, CancellationToken.None)).ShouldBeFalse();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not base64!")]
    [TestCase("e30=")] // {}
    [TestCase("bnVsbA==")] // null
    public async Task Missing_or_malformed_payloads_fail(string? payload)
    {
        (await BotCheck.VerifyAsync(payload, CancellationToken.None)).ShouldBeFalse();
    }
}
