using Aims.Identity.Audit;
using Aims.Identity.Contracts;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Accounts;

/// <summary>
/// Every account opens the same way, whoever opens it (sign-up, an administrator for staff, an approved agency request):
/// a time-ordered id, the address as its user name, one role, and a line in the security log.
/// </summary>
internal sealed class AccountOpening(UserManager<AimsUser> users, SecurityAudit audit, TimeProvider time)
{
    /// <summary>The new account, not yet stored, for the caller to add what its kind of account has.</summary>
    public AimsUser For(string email, string displayName)
    {
        var now = time.GetUtcNow();
        return new AimsUser { Id = Guid.CreateVersion7(now), UserName = email, Email = email, DisplayName = displayName, CreatedAt = now };
    }

    /// <summary>Stores the account (with its password, if any) and its role, and logs why it was opened; Identity's refusal stores nothing.</summary>
    public async Task<IdentityResult> OpenAsync(AimsUser user, string? password, Role role, string why, CancellationToken cancellationToken)
    {
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            (await users.AddToRoleAsync(user, role.ToString())).Require($"{role} role not given");
            await audit.RecordAsync(SecurityEventKind.AccountCreated, user.Id, user.Email, why, cancellationToken);
        }

        return created;
    }
}
