using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Aims.Identity.BotCheck;

/// <summary>
/// A self-hosted, ALTCHA-style proof of work: challenges signed with the data-protection keys (any host verifies them),
/// expiring, and recorded once solved so they cannot be replayed.
/// </summary>
internal sealed class ProofOfWorkBotCheck
{
    public const string Algorithm = "SHA-256";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector protector;
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider time;
    private readonly BotCheckOptions options;

    public ProofOfWorkBotCheck(
        IDataProtectionProvider protection, NpgsqlDataSource dataSource, TimeProvider time, IOptions<BotCheckOptions> options)
    {
        protector = protection.CreateProtector("Aims.BotCheck.v1");
        this.dataSource = dataSource;
        this.time = time;
        this.options = options.Value;
    }

    public BotChallenge Create()
    {
        var expires = time.GetUtcNow().Add(options.Lifetime).ToUnixTimeSeconds();
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires}";
        var number = RandomNumberGenerator.GetInt32(options.MaxNumber + 1);
        var challenge = Hash(salt, number);
        return new BotChallenge(Algorithm, challenge, salt, Sign(challenge), options.MaxNumber);
    }

    /// <summary>
    /// True once for a correctly solved, unexpired challenge this application issued. <paramref name="payload"/> is
    /// the base64 JSON the page script posts (the ALTCHA payload).
    /// </summary>
    public async Task<bool> VerifyAsync(string? payload, CancellationToken cancellationToken)
    {
        if (Decode(payload) is not { } solution
            || solution.Algorithm != Algorithm
            || !SignatureMatches(solution.Challenge, solution.Signature)
            || Hash(solution.Salt, solution.Number) != solution.Challenge
            || ExpiresAt(solution.Salt) is not { } expires
            || expires <= time.GetUtcNow())
        {
            return false;
        }

        await using var command = dataSource.CreateCommand(
            "DELETE FROM botcheck.used_challenges WHERE expires_at < @now; " +
            "INSERT INTO botcheck.used_challenges (challenge, expires_at) VALUES (@challenge, @expires) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        command.Parameters.AddWithValue("challenge", solution.Challenge);
        command.Parameters.AddWithValue("expires", expires);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public static string Hash(string salt, int number) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + number.ToString(CultureInfo.InvariantCulture))));

    // Data protection is authenticated encryption: a signature that unprotects to the challenge was made by this
    // application (any host sharing the key ring), and a forged or altered one fails to unprotect.
    private string Sign(string challenge) => Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes(challenge)));

    private bool SignatureMatches(string challenge, string signature)
    {
        try
        {
            var signed = protector.Unprotect(Base64Url.DecodeFromChars(signature));
            return CryptographicOperations.FixedTimeEquals(signed, Encoding.UTF8.GetBytes(challenge));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static DateTimeOffset? ExpiresAt(string salt)
    {
        var marker = salt.IndexOf("?expires=", StringComparison.Ordinal);
        return marker >= 0 && long.TryParse(salt[(marker + 9)..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static Solution? Decode(string? payload)
    {
        if (string.IsNullOrEmpty(payload) || payload.Length > 2048 || !Base64.IsValid(payload))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Solution>(Convert.FromBase64String(payload), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Solution(string Algorithm, string Challenge, int Number, string Salt, string Signature);
}

/// <summary>What the browser receives: find the number n with SHA-256(salt + n) = challenge (the ALTCHA protocol).</summary>
internal sealed record BotChallenge(string Algorithm, string Challenge, string Salt, string Signature, int MaxNumber);

internal sealed class BotCheckOptions
{
    public const string Section = "Aims:BotCheck";

    /// <summary>The secret is drawn from 0..MaxNumber: about a quarter of a second on a phone, costly at scale.</summary>
    public int MaxNumber { get; set; } = 100_000;

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);
}
