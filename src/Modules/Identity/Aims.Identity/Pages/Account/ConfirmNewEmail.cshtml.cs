using Aims.Identity.Accounts;
using Aims.Identity.Profile;
using Aims.Identity.Sessions;
using Aims.Identity.SignIn;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Aims.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentityRateLimits.SignUp)]
internal sealed class ConfirmNewEmailModel(IMediator mediator, SignInManager<AimsUser> signIns) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool? Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Changed = !string.IsNullOrEmpty(Token) && !string.IsNullOrEmpty(Email)
            && await mediator.Send(new ConfirmNewEmail(UserId, Email, Token), cancellationToken);
        if (Changed == true && signIns.UserManager.GetUserId(User) == UserId.ToString())
        {
            // The stamp changed with the address; this browser keeps its session, the others end.
            await signIns.ReissueAsync((await signIns.UserManager.FindByIdAsync(UserId.ToString()))!, User);
        }
    }
}
