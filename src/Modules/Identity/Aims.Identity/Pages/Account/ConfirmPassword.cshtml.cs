using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Lockout;
using Aims.Identity.Passwords;
using Aims.Identity.Sessions;
using Aims.Identity.SignIn;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Pages.Account;

[Authorize]
[EnableRateLimiting(IdentityRateLimits.SignIn)]
internal sealed class ConfirmPasswordModel(
    IMediator mediator, SignInManager<AimsUser> signIns, TimeProvider time, IOptions<SignInLockoutOptions> lockout, IStringLocalizer<IdentityText> t) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        switch (await mediator.SendFormAsync(new ConfirmPassword(userId, Password), ModelState, "", cancellationToken))
        {
            case PasswordConfirmation.Confirmed:
                var user = await signIns.UserManager.FindByIdAsync(userId.ToString());
                await signIns.ReissueAsync(user!, User, SessionCookies.Moment(AimsClaims.PasswordConfirmedAt, time.GetUtcNow()));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account/profile");
            case PasswordConfirmation.Locked:
                await signIns.SignOutAsync();
                return RedirectToPage("/Account/Locked");
            case PasswordConfirmation.Wrong:
                ModelState.AddModelError(nameof(Password), t["That password is not right. {0} wrong attempts in a row lock the account for {1} minutes.", lockout.Value.MaxFailures, lockout.Value.DurationMinutes]);
                break;
        }

        return Page();
    }
}
