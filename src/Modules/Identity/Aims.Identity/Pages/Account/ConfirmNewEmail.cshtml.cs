using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Sessions;
using Aims.Identity.SignIn;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Aims.Identity.Pages.Account;

/// <summary>
/// The link sent to a new email address. Like sign-up's link it shows a button first (mail scanners open links); the
/// post moves the account to the new address and its sign-in name with it, and ends other sessions.
/// </summary>
internal sealed record ConfirmNewEmail(Guid UserId, string Email, string Token) : ICommand<bool>;

internal sealed class ConfirmNewEmailHandler(UserManager<AimsUser> users, SecurityAudit audit) : IRequestHandler<ConfirmNewEmail, bool>
{
    public async Task<bool> Handle(ConfirmNewEmail command, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user || await users.FindByEmailAsync(command.Email) is not null)
        {
            return false;
        }

        var old = user.Email;
        if (!(await users.ChangeEmailAsync(user, command.Email, command.Token)).Succeeded)
        {
            return false;
        }

        (await users.SetUserNameAsync(user, command.Email)).Require("The sign-in name did not follow the new email");

        await audit.RecordAsync(SecurityEventKind.EmailChanged, user.Id, command.Email, $"from {old}", cancellationToken);
        return true;
    }
}

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
