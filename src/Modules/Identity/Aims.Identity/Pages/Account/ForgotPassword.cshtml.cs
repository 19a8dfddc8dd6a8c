using Aims.BuildingBlocks.Web;
using Aims.Identity.Passwords;
using Aims.Identity.SignIn;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Aims.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentityRateLimits.PasswordReset)]
internal sealed class ForgotPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(Name = "botcheck")]
    public string? BotCheck { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Sent = await mediator.SendFormAsync(new RequestPasswordReset(Email, BotCheck), ModelState, "", cancellationToken);
        return Page();
    }
}
