namespace Aims.Identity.Passwords;

/// <summary>
/// The PBKDF2-HMAC-SHA512 work factor for stored passwords (docs/adr/0011). OWASP's Password Storage Cheat Sheet asks
/// for at least 210,000 iterations of this function; Identity's default is 100,000. Hashes stored at a lower count are
/// re-hashed at this one the next time their owner signs in.
/// </summary>
internal static class PasswordHashing
{
    public const int Iterations = 210_000;
}
