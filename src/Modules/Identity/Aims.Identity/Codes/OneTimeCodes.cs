using System.Security.Cryptography;
using System.Text;
using Aims.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Codes;

/// <summary>
/// 6-digit one-time codes: expiring, single use, bound to one attempt, stored as a salted HMAC, a new one replacing the
/// last. Lockout counting is the sign-in flow's job.
/// </summary>
internal sealed class OneTimeCodes(AccountsDbContext db, TimeProvider time, IOptions<OneTimeCodeOptions> options)
{
    /// <returns>The digits to send; they are not stored.</returns>
    public async Task<string> IssueAsync(Guid userId, Guid attemptId, CodePurpose purpose, CodeChannel channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.OneTimeCodes
            .Where(c => c.AttemptId == attemptId && c.Purpose == purpose && c.State == CodeState.Active)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.State, CodeState.Superseded), cancellationToken);

        var digits = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(16);
        db.OneTimeCodes.Add(new OneTimeCode
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            AttemptId = attemptId,
            Purpose = purpose,
            Channel = channel,
            Salt = salt,
            Hash = Hash(salt, attemptId, digits),
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
            State = CodeState.Active,
        });
        await db.SaveChangesAsync(cancellationToken);
        return digits;
    }

    public async Task<CodeCheck> CheckAsync(Guid attemptId, CodePurpose purpose, string? entered, CancellationToken cancellationToken)
    {
        var digits = new string((entered ?? "").Where(char.IsAsciiDigit).ToArray());
        var codes = await db.OneTimeCodes
            .Where(c => c.AttemptId == attemptId && c.Purpose == purpose)
            .OrderByDescending(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        var match = digits.Length == 6
            ? codes.FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(c.Hash, Hash(c.Salt, attemptId, digits)))
            : null;
        if (match is null)
        {
            return CodeCheck.Wrong;
        }

        if (match.State == CodeState.Used)
        {
            return CodeCheck.AlreadyUsed;
        }

        if (match.State == CodeState.Superseded)
        {
            return CodeCheck.Replaced;
        }

        if (time.GetUtcNow() >= match.ExpiresAt)
        {
            return CodeCheck.Expired;
        }

        match.State = CodeState.Used;
        await db.SaveChangesAsync(cancellationToken);
        return CodeCheck.Valid;
    }

    private static byte[] Hash(byte[] salt, Guid attemptId, string digits) =>
        HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes($"{attemptId:N}:{digits}"));
}
