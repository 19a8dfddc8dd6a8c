namespace Aims.Identity.Tokens;

/// <summary>
/// A personal access token as stored: the SHA-256 of the secret (which is 256 random bits, so a fast hash is enough),
/// never the secret itself; the first characters are kept so the owner can tell tokens apart.
/// </summary>
internal sealed class ApiToken
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    public required string Hint { get; init; }

    public required byte[] SecretHash { get; init; }

    public required List<string> Scopes { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
