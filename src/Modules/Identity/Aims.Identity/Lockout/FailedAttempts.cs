using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Notifications.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Lockout;

/// <summary>
/// Every wrong password or code, wherever typed, counts towards the one lockout and is audited; the lock it causes is
/// audited and emailed to the owner once per lock.
/// </summary>
internal sealed class FailedAttempts(SignInLockout lockout, SecurityAudit audit, UserManager<AimsUser> users, IOutgoingMail mail, AccountEmails emails,
    IOptions<SignInLockoutOptions> options)
{
    public async Task<LockoutState> RecordAsync(SecurityEventKind kind, Guid? userId, string email, string detail, CancellationToken cancellationToken)
    {
        var state = await lockout.RecordFailureAsync(email, cancellationToken);
        await audit.RecordAsync(kind, userId, email, detail, cancellationToken);
        if (!state.IsLocked)
        {
            return state;
        }

        // Attempts during a lock count as nothing more; the lock itself is audited and emailed once.
        if (!await lockout.ClaimLockEmailAsync(email, cancellationToken))
        {
            return state;
        }

        await audit.RecordAsync(SecurityEventKind.LockedOut, userId, email, null, cancellationToken);
        if (userId is not null && await users.FindByIdAsync(userId.Value.ToString()) is { } owner)
        {
            await mail.QueueAsync(emails.LockedOut(owner, state.LockedUntil!.Value, options.Value.Duration), cancellationToken);
        }

        return state;
    }
}
