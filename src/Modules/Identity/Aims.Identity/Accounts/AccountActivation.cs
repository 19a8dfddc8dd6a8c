namespace Aims.Identity.Accounts;

/// <summary>
/// The link that lets an approved agency coordinator set their password: 256 random bits, stored only as a hash,
/// valid 72 hours, used once. A new link for the same account replaces the old one.
/// </summary>
internal sealed class AccountActivation
{
    public Guid UserId { get; init; }

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
