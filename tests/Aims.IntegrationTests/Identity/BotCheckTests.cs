using System.Net.Http.Json;
using Aims.Identity.BotCheck;
using Aims.Identity.Contracts;
using Aims.Testing;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Challenge = Aims.Testing.BotChallenge;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// The proof-of-work bot check Identity keeps for every public form: a solved challenge passes once; anything forged,
/// stale or replayed fails.
/// </summary>
public sealed class BotCheckTests() : PortalTest("identity_botcheck")
{
    private static readonly DateTimeOffset Now = Start;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Aims:BotCheck:MaxNumber"] = "2000" };

    private ProofOfWorkBotCheck BotCheck => Portal.Services.GetRequiredService<ProofOfWorkBotCheck>();

    private static string Solve(Aims.Identity.BotCheck.BotChallenge challenge) => BotCheckSolver.Solve(Of(challenge));

    private static Challenge Of(Aims.Identity.BotCheck.BotChallenge c) => new(c.Algorithm, c.Challenge, c.Salt, c.Signature, c.MaxNumber);

    [Test]
    public async Task Another_module_asks_through_Identity_s_contract_and_a_challenge_from_the_endpoint_passes_once()
    {
        var payload = BotCheckSolver.Solve((await NewBrowser().Http.GetFromJsonAsync<Challenge>(BotCheckSolver.ChallengePath))!);
        using var scope = Portal.Services.CreateScope();
        var identity = scope.ServiceProvider.GetRequiredService<IMediator>();

        (await identity.Send(new VerifyBotCheck(payload))).ShouldBeTrue();
        (await identity.Send(new VerifyBotCheck(payload))).ShouldBeFalse();
    }

    [Test]
    public async Task A_solved_challenge_passes_once_and_its_replay_fails()
    {
        var payload = Solve(BotCheck.Create());

        (await BotCheck.VerifyAsync(payload, CancellationToken.None)).ShouldBeTrue();
        (await BotCheck.VerifyAsync(payload, CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_wrong_number_fails()
    {
        var challenge = Of(BotCheck.Create());
        var wrong = Enumerable.Range(0, 2001).First(n => BotCheckSolver.Hash(challenge.Salt, n) != challenge.Challenge);

        (await BotCheck.VerifyAsync(BotCheckSolver.Encode(challenge, wrong), CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_challenge_made_up_by_the_client_fails_because_its_signature_is_not_ours()
    {
        var salt = "00aa?expires=" + Now.AddMinutes(5).ToUnixTimeSeconds();
        var forged = new Challenge(ProofOfWorkBotCheck.Algorithm, BotCheckSolver.Hash(salt, 1), salt, "AAAA", 10);

        (await BotCheck.VerifyAsync(BotCheckSolver.Encode(forged, 1), CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_challenge_signed_by_another_application_fails()
    {
        var stranger = new ProofOfWorkBotCheck(
            new EphemeralDataProtectionProvider(), Portal.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), Clock,
            Options.Create(new BotCheckOptions { MaxNumber = 50 }));

        (await BotCheck.VerifyAsync(Solve(stranger.Create()), CancellationToken.None)).ShouldBeFalse();
    }

    [Test]
    public async Task A_challenge_solved_after_its_ten_minutes_fails()
    {
        var payload = Solve(BotCheck.Create());
        Clock.Advance(TimeSpan.FromMinutes(10));

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
