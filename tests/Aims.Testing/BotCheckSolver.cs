using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Aims.Testing;

/// <summary>The challenge as GET /bot-check/challenge sends it (the ALTCHA protocol's fields).</summary>
public sealed record BotChallenge(string Algorithm, string Challenge, string Salt, string Signature, int MaxNumber);

/// <summary>What the page script does for the bot check: try numbers until the hash matches, then post the payload.</summary>
public static class BotCheckSolver
{
    public const string ChallengePath = "/bot-check/challenge";

    public static string Solve(BotChallenge challenge) =>
        Encode(challenge, Enumerable.Range(0, challenge.MaxNumber + 1).First(n => Hash(challenge.Salt, n) == challenge.Challenge));

    /// <summary>SHA-256 of the salt followed by the number, in lower-case hex, as the page script computes it.</summary>
    public static string Hash(string salt, int number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture))));

    public static string Encode(BotChallenge challenge, int number) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        algorithm = challenge.Algorithm,
        challenge = challenge.Challenge,
        number,
        salt = challenge.Salt,
        signature = challenge.Signature,
    })));
}
