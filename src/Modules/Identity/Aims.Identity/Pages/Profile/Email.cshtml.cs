using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Profile;
using Aims.Identity.Sessions;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Pages.Profile;

[Authorize]
[RequireRecentSignIn]
internal sealed class EmailModel(
    IMediator mediator, UserManager<AimsUser> users, IOptions<DataProtectionTokenProviderOptions> links, IStringLocalizer<IdentityText> t) : PageModel
{
    [BindProperty]
    public string? NewEmail { get; set; }

    public string Current { get; private set; } = "";

    public async Task OnGetAsync() => Current = (await users.GetUserAsync(User))?.Email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!await mediator.SendFormAsync(new RequestEmailChange(userId, NewEmail), ModelState, "", cancellationToken))
        {
            await OnGetAsync();
            return Page();
        }

        TempData["Notice"] = t["We sent a link to {0}. Your email address changes when you open it (within {1} hours).", NewEmail!.Trim(), links.Value.TokenLifespan.TotalHours].Value;
        return RedirectToPage("/Profile/Index");
    }
}
