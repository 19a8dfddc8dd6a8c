using Aims.BuildingBlocks.Mediation;
using MediatR;
using Aims.Identity.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Aims.Identity.SignIn;

namespace Aims.Identity.Pages.Account;

/// <summary>
/// The link from the sign-up email. Opening it shows a button rather than confirming at once, because mail scanners
/// open links too; the post confirms.
/// </summary>
internal sealed record ConfirmEmail(Guid UserId, string Token) : ICommand<bool>;

internal sealed class ConfirmEmailHandler(UserManager<AimsUser> users) : IRequestHandler<ConfirmEmail, bool>
{
    public async Task<bool> Handle(ConfirmEmail command, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(command.UserId.ToString()) is { } user
        && (user.EmailConfirmed || (await users.ConfirmEmailAsync(user, command.Token)).Succeeded);
}

[AllowAnonymous]
[EnableRateLimiting(IdentityRateLimits.SignUp)]
internal sealed class ConfirmEmailModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool? Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Confirmed = !string.IsNullOrEmpty(Token) && await mediator.Send(new ConfirmEmail(UserId, Token), cancellationToken);
    }
}
