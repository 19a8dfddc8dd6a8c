using Aims.Identity.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Identity.Pages.Account;

/// <summary>
/// Signing out is an antiforgery-checked post, so another site cannot sign anyone out; it renews the security stamp, so
/// copied cookies and the account's other sessions end too (docs/adr/0012).
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
