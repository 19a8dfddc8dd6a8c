using System.Security.Cryptography;
using System.Text;
using Aims.Identity.Contracts;
using Aims.Identity.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Aims.Identity.Tokens;

/// <summary>Issuing, finding and revoking personal access tokens. The secret is shown once, at issue, and never stored.</summary>
internal sealed class ApiTokens(AccountsDbContext db, TimeProvider time)
{
    /// <summary>Recognisable in logs and by secret scanners; the rest is 256 random bits.</summary>
    public const string Prefix = "aims_pat_";

    public const int MaximumLifetimeDays = 365;

    public const int MaximumActivePerAccount = 10;

    /// <summary>Last-used times are written at most this often, so a busy integration does not write on every call.</summary>
    private static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(1);

    public async Task<(ApiToken Token, string Secret)> IssueAsync(Guid userId, string name, IEnumerable<ApiScope> scopes, int days, CancellationToken cancellationToken)
    {
        var secret = Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Name = name,
            Hint = secret[..(Prefix.Length + 4)],
            SecretHash = Hash(secret),
            Scopes = scopes.Distinct().Select(s => ApiScopes.Of(s).Name).Order().ToList(),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>The active token with this secret, or null; a malformed secret is never looked up.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length != Prefix.Length + 43)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = time.GetUtcNow();
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is null || !token.IsActive(now))
        {
            return null;
        }

        if (token.LastUsedAt is null || token.LastUsedAt + UsageResolution <= now)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return token;
    }

    public Task<List<ApiToken>> OfAsync(Guid userId, CancellationToken cancellationToken) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    public async Task<int> ActiveCountAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now, cancellationToken);
    }

    /// <returns>The revoked token, or null when the account has no such active token.</returns>
    public async Task<ApiToken?> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null || token.RevokedAt is not null)
        {
            return null;
        }

        token.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
