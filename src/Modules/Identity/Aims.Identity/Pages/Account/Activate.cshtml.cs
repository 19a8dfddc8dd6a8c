using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.NewAccounts;
using Aims.Identity.Passwords;
using Aims.Identity.SignIn;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Aims.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentityRateLimits.SignUp)]
internal sealed class ActivateModel(IMediator mediator, AccountActivations activations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public ActivationState State { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => State = (await activations.CheckAsync(Token, cancellationToken)).State;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var state = await mediator.SendFormAsync(new ActivateAccount(Token, Password, ConfirmPassword), ModelState, "", cancellationToken);
        if (!ModelState.IsValid)
        {
            State = ActivationState.Valid;
            return Page();
        }

        if (state != ActivationState.Valid)
        {
            State = state;
            return Page();
        }

        TempData["Notice"] = "Your password is set. Sign in with your email address and password; we will email you a one-time code.";
        return RedirectToPage("/Account/SignIn");
    }
}
