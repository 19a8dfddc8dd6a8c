using System.Text;
using System.Text.Json;
using Aims.BuildingBlocks.BotCheck;

namespace Aims.Testing;

/// <summary>What the page script does for the bot check: try numbers until the hash matches, then post the payload.</summary>
public static class BotCheckSolver
{
    public static string Solve(BotChallenge challenge) =>
        Encode(challenge, Enumerable.Range(0, challenge.MaxNumber + 1).First(n => ProofOfWorkBotCheck.Hash(challenge.Salt, n) == challenge.Challenge));

    public static string Encode(BotChallenge challenge, int number) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        algorithm = challenge.Algorithm,
        challenge = challenge.Challenge,
        number,
        salt = challenge.Salt,
        signature = challenge.Signature,
    })));
}
