using Aims.Identity.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Identity.Pages.Account;

/// <summary>
/// Signing out is a form post (antiforgery-checked), so a link on another site cannot sign anyone out. It also
/// renews the account's security stamp, so a copy of the cookie taken from this browser dies with it, and any other
/// session of the account ends too (docs/adr/0012).
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
internal sealed class SignOutModel(UserManager<Aims.Identity.Accounts.AimsUser> users) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        await PendingSignIn.EndAsync(HttpContext);
        TempData["Notice"] = "You are signed out.";
        return RedirectToPage("/Account/SignIn");
    }
}
