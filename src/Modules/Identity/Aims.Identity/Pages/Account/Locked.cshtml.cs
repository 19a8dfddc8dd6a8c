using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Identity.Pages.Account;

/// <summary>Says the account is locked and unlocks by itself; it never says whether the password was right.</summary>
[AllowAnonymous]
internal sealed class LockedModel : PageModel
{
    public void OnGet()
    {
    }
}
