using System.Security.Cryptography;
using System.Text;
using Aims.Identity.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Aims.Identity.Accounts;

/// <summary>Issuing and checking activation links; the clock is the injected one, so the 72 hours can be tested.</summary>
internal sealed class AccountActivations(AccountsDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    /// <returns>The link's path, with the secret that is not stored.</returns>
    public async Task<(string Path, DateTimeOffset ExpiresAt)> IssueAsync(Guid userId, CancellationToken cancellationToken)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = time.GetUtcNow() + Lifetime;
        var activation = await db.AccountActivations.SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        if (activation is null)
        {
            db.AccountActivations.Add(new AccountActivation { UserId = userId, TokenHash = Hash(token), ExpiresAt = expires });
        }
        else
        {
            activation.TokenHash = Hash(token);
            activation.ExpiresAt = expires;
            activation.UsedAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ("/account/activate?token=" + token, expires);
    }

    public async Task<(ActivationState State, AccountActivation? Activation)> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return (ActivationState.Unknown, null);
        }

        var hash = Hash(token);
        var activation = await db.AccountActivations.SingleOrDefaultAsync(a => a.TokenHash == hash, cancellationToken);
        var state = activation switch
        {
            null => ActivationState.Unknown,
            { UsedAt: not null } => ActivationState.Used,
            _ when activation.ExpiresAt <= time.GetUtcNow() => ActivationState.Expired,
            _ => ActivationState.Valid,
        };
        return (state, activation);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

internal enum ActivationState
{
    Valid,
    Expired,
    Used,
    Unknown,
}
