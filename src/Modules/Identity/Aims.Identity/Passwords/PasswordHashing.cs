using Aims.Identity.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Passwords;

/// <summary>
/// PBKDF2-HMAC-SHA512 work factor (ADR 0011): OWASP asks for at least 210,000 iterations, Identity defaults to 100,000;
/// older hashes are re-hashed at the next sign-in.
/// </summary>
internal static class PasswordHashing
{
    public const int Iterations = 210_000;

    private static string? decoyHash;

    /// <summary>
    /// The work of checking a password, spent where there is no password to check (an unknown email, a staff address
    /// on the public page, no temporary password), so the time of an answer does not tell which branch was taken.
    /// </summary>
    public static void SpendVerification(IPasswordHasher<AimsUser> hasher, string password)
    {
        var decoy = LazyInitializer.EnsureInitialized(ref decoyHash, () => hasher.HashPassword(null!, Guid.NewGuid().ToString()));
        hasher.VerifyHashedPassword(null!, decoy, password);
    }

    /// <summary>The work of hashing a new password, spent by the branch that stores none (sign-up or reset for an address that has an account, or none).</summary>
    public static void SpendHashing(IPasswordHasher<AimsUser> hasher, string password) => hasher.HashPassword(null!, password);
}
