using Microsoft.EntityFrameworkCore;

namespace Aims.Registration;

/// <summary>An emailed invitation (to act for a provider, to represent a client): for one address, until it expires, once.</summary>
internal interface IInvitation
{
    byte[] TokenHash { get; }

    string NormalizedEmail { get; }

    DateTimeOffset ExpiresAt { get; }

    DateTimeOffset? AcceptedAt { get; }
}

internal enum InvitationAnswer
{
    Joined,
    AlreadyMember,
    WrongAccount,
    Expired,
    Unknown,
}

/// <summary>A new invitation's secret (for the emailed link), its hash (stored) and when it stops working.</summary>
internal sealed record IssuedInvitation(string Email, string NormalizedEmail, string Token, byte[] TokenHash, DateTimeOffset ExpiresAt);

internal static class Invitations
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static IssuedInvitation Issue(string email, DateTimeOffset now)
    {
        var token = LinkSecrets.New();
        var trimmed = email.Trim();
        return new IssuedInvitation(trimmed, trimmed.ToUpperInvariant(), token, LinkSecrets.Hash(token), now + Lifetime);
    }

    /// <summary>The invitation behind a link, and whether the account signed in as <paramref name="email"/> may accept it now.</summary>
    public static async Task<(InvitationAnswer Answer, T? Invitation)> FindAsync<T>(
        IQueryable<T> invitations, string? token, string email, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, IInvitation
    {
        if (!LinkSecrets.IsPlausible(token))
        {
            return (InvitationAnswer.Unknown, null);
        }

        var hash = LinkSecrets.Hash(token);
        var invitation = await invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return (Check(invitation, email, now), invitation);
    }

    private static InvitationAnswer Check(IInvitation? invitation, string email, DateTimeOffset now) => invitation switch
    {
        null or { AcceptedAt: not null } => InvitationAnswer.Unknown,
        _ when invitation.ExpiresAt <= now => InvitationAnswer.Expired,
        _ when invitation.NormalizedEmail != email.ToUpperInvariant() => InvitationAnswer.WrongAccount,
        _ => InvitationAnswer.Joined,
    };
}
