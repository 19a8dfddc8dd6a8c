using Aims.BuildingBlocks.Persistence;
using Aims.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Lockout;

/// <summary>
/// One failure counter per normalized email for passwords and codes alike: the third locks for 30 minutes. Keyed by
/// email, not account, so an address with no account locks the same way and reveals nothing.
/// </summary>
internal sealed class SignInLockout(AccountsDbContext db, DbSession session, TimeProvider time, IOptions<SignInLockoutOptions> options)
{
    private SignInLockoutOptions Rules => options.Value;

    public async Task<LockoutState> StateAsync(string email, CancellationToken cancellationToken)
    {
        var failures = await db.SignInFailures.AsNoTracking().SingleOrDefaultAsync(f => f.NormalizedEmail == Normalize(email), cancellationToken);
        return Describe(failures);
    }

    /// <summary>
    /// One atomic upsert (the row lock serializes parallel attempts), so guesses sent at once cannot slip past the
    /// count. A lock that ran out starts a fresh count; failures during a lock do not extend it.
    /// </summary>
    public async Task<LockoutState> RecordFailureAsync(string email, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            """
            INSERT INTO identity.sign_in_failures AS f (normalized_email, count, locked_until)
            VALUES (@email, 1, CASE WHEN @max <= 1 THEN @lock_end END)
            ON CONFLICT (normalized_email) DO UPDATE SET
                count = CASE WHEN f.locked_until <= @now THEN 1
                             WHEN f.locked_until IS NOT NULL THEN f.count
                             ELSE f.count + 1 END,
                locked_until = CASE WHEN f.locked_until <= @now THEN CASE WHEN @max <= 1 THEN @lock_end END
                                    WHEN f.locked_until IS NOT NULL THEN f.locked_until
                                    WHEN f.count + 1 >= @max THEN @lock_end END
            RETURNING count, locked_until
            """,
            cancellationToken);
        var now = time.GetUtcNow();
        command.Parameters.AddWithValue("email", Normalize(email));
        command.Parameters.AddWithValue("max", Rules.MaxFailures);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lock_end", now + Rules.Duration);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Describe(new SignInFailures
        {
            NormalizedEmail = Normalize(email),
            Count = reader.GetInt32(0),
            LockedUntil = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
        });
    }

    /// <summary>
    /// True for exactly one caller per lock (an atomic claim on the row), so a lock is emailed once however many
    /// attempts arrive during it, in parallel or not.
    /// </summary>
    public async Task<bool> ClaimLockEmailAsync(string email, CancellationToken cancellationToken) =>
        await db.SignInFailures
            .Where(f => f.NormalizedEmail == Normalize(email) && f.LockedUntil > time.GetUtcNow() && (f.LockEmailedFor == null || f.LockEmailedFor != f.LockedUntil))
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.LockEmailedFor, f => f.LockedUntil), cancellationToken) == 1;

    public async Task RecordSuccessAsync(string email, CancellationToken cancellationToken)
    {
        await db.SignInFailures.Where(f => f.NormalizedEmail == Normalize(email)).ExecuteDeleteAsync(cancellationToken);
    }

    private LockoutState Describe(SignInFailures? failures)
    {
        var now = time.GetUtcNow();
        if (failures?.LockedUntil is { } until && until > now)
        {
            return new LockoutState(true, 0, until);
        }

        var counted = failures?.LockedUntil is null ? failures?.Count ?? 0 : 0;
        return new LockoutState(false, Rules.MaxFailures - counted, null);
    }

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
