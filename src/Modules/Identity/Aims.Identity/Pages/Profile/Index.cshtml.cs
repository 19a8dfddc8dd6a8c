using Aims.Identity.Accounts;
using Aims.Identity.Sessions;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Identity.Pages.Profile;

[Authorize]
internal sealed class IndexModel(UserManager<AimsUser> users, IMediator mediator) : PageModel
{
    public AimsUser Account { get; private set; } = null!;

    public IList<string> Roles { get; private set; } = [];

    public string? MaskedMobile => Account.PhoneNumber is { } phone ? Masking.Phone(phone) : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        Account = account;
        Roles = await users.GetRolesAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SignOutEverywhere(Guid.Parse(users.GetUserId(User)!)), cancellationToken);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        TempData["Notice"] = "You are signed out of every session, here and on other devices.";
        return RedirectToPage("/Account/SignIn");
    }
}
