using Microsoft.EntityFrameworkCore;

namespace Aims.Registration;

/// <summary>
/// An emailed invitation (to act for a provider, to represent a client): for one address, until it expires, once. Only
/// the link's hash is kept; each kind adds what the invitation is to.
/// </summary>
internal abstract class Invitation
{
    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Makes this new invitation out to <paramref name="email"/> and returns the secret for its link (not kept).</summary>
    public string Issue(string email, DateTimeOffset now)
    {
        var token = LinkSecrets.New();
        Id = Guid.CreateVersion7(now);
        Email = email.Trim();
        NormalizedEmail = Email.ToUpperInvariant();
        TokenHash = LinkSecrets.Hash(token);
        ExpiresAt = now + Invitations.Lifetime;
        return token;
    }
}

internal enum InvitationAnswer
{
    Joined,
    AlreadyMember,
    WrongAccount,
    Expired,
    Unknown,
}

internal static class Invitations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The invitation behind a link, and whether the account signed in as <paramref name="email"/> may accept it now.</summary>
    public static async Task<(InvitationAnswer Answer, T? Invitation)> FindAsync<T>(
        IQueryable<T> invitations, string? token, string email, DateTimeOffset now, CancellationToken cancellationToken)
        where T : Invitation
    {
        if (!LinkSecrets.IsPlausible(token))
        {
            return (InvitationAnswer.Unknown, null);
        }

        var hash = LinkSecrets.Hash(token);
        var invitation = await invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return (Check(invitation, email, now), invitation);
    }

    private static InvitationAnswer Check(Invitation? invitation, string email, DateTimeOffset now) => invitation switch
    {
        null or { AcceptedAt: not null } => InvitationAnswer.Unknown,
        _ when invitation.ExpiresAt <= now => InvitationAnswer.Expired,
        _ when invitation.NormalizedEmail != email.ToUpperInvariant() => InvitationAnswer.WrongAccount,
        _ => InvitationAnswer.Joined,
    };
}
