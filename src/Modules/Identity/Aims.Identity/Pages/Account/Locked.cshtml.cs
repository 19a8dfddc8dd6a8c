using Aims.Identity.Lockout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Pages.Account;

/// <summary>Says the account is locked and unlocks by itself; it never says whether the password was right.</summary>
[AllowAnonymous]
internal sealed class LockedModel(IOptions<SignInLockoutOptions> lockout) : PageModel
{
    public int LockMinutes => lockout.Value.DurationMinutes;

    public void OnGet()
    {
    }
}
