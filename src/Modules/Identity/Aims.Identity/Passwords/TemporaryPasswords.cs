using System.Security.Cryptography;
using Aims.Identity.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Passwords;

/// <summary>
/// Temporary passwords for resets and new staff accounts: random, meeting the policy, valid for 24 hours, and forcing a
/// change at the next sign-in (which still needs the second factor).
/// </summary>
internal sealed class TemporaryPasswords(IPasswordHasher<AimsUser> hasher, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // Without look-alike characters (0/O, 1/l/I), since people type these from an email.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Specials = "!@$%*?";

    /// <summary>Sets a temporary password beside the account's own one; returns it for the email.</summary>
    public string IssueBeside(AimsUser user)
    {
        var password = Generate();
        user.TemporaryPasswordHash = hasher.HashPassword(user, password);
        user.TemporaryPasswordExpiresAt = time.GetUtcNow() + Lifetime;
        return password;
    }

    /// <summary>
    /// True when <paramref name="password"/> is the account's unexpired temporary password. Costs one hash check either
    /// way, so a wrong password takes as long whether or not someone asked for a reset of the account.
    /// </summary>
    public bool Matches(AimsUser user, string password)
    {
        if (user.TemporaryPasswordHash is not { } hash || user.TemporaryPasswordExpiresAt <= time.GetUtcNow())
        {
            PasswordHashing.SpendVerification(hasher, password);
            return false;
        }

        return hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>The work of <see cref="IssueBeside"/> without an account, for a reset that sends nothing.</summary>
    public void SpendIssuing() => PasswordHashing.SpendHashing(hasher, Generate());

    public static void Clear(AimsUser user)
    {
        user.TemporaryPasswordHash = null;
        user.TemporaryPasswordExpiresAt = null;
    }

    public static string Generate()
    {
        var all = Upper + Lower + Digits + Specials;
        var characters = new List<char> { Pick(Upper), Pick(Lower), Pick(Digits), Pick(Specials) };
        while (characters.Count < 16)
        {
            characters.Add(Pick(all));
        }

        return new string([.. characters.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
