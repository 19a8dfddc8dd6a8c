using Aims.Identity.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Passwords;

/// <summary>Makes every way Identity sets a password (sign-up, change, reset, temporary) apply the one <see cref="PasswordPolicy"/>.</summary>
internal sealed class PolicyPasswordValidator(PasswordPolicy policy) : IPasswordValidator<AimsUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AimsUser> manager, AimsUser user, string? password)
    {
        var problems = policy.Check(password, user.Email);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "PasswordPolicy", Description = p }).ToArray()));
    }
}
