using Aims.BuildingBlocks.Web;
using Aims.Identity.Codes;
using Aims.Identity.Lockout;
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

[AllowAnonymous]
[EnableRateLimiting(IdentityRateLimits.SignIn)]
internal sealed class SignInModel(IMediator mediator, IOptions<SignInLockoutOptions> lockout, IStringLocalizer<IdentityText> t) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    public bool Staff => Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page the person asked for before signing in; followed only when it is on this portal.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The return address as a query string for the links between the sign-in pages, or nothing.</summary>
    public string ReturnQuery => Url.LocalOrNull(ReturnUrl) is { } local ? "?ReturnUrl=" + Uri.EscapeDataString(local) : "";

    public IActionResult OnGet() =>
        // A staff screen asked for while signed out sends the person here: staff sign in on their own path.
        !Staff && Url.LocalOrNull(ReturnUrl) is { } local && local.StartsWith("/staff/", StringComparison.OrdinalIgnoreCase)
            ? Redirect("/staff/sign-in" + ReturnQuery)
            : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.SendFormAsync(new StartSignIn(Form.Email, Form.Password, Staff), ModelState, nameof(Form), cancellationToken);
        switch (result?.Outcome)
        {
            case SignInStartOutcome.SecondFactorNeeded:
                await (result.Pending! with { ReturnUrl = Url.LocalOrNull(ReturnUrl) }).StartAsync(HttpContext);
                if (result.HasVerifiedMobile)
                {
                    return RedirectToPage("/Account/Verify");
                }

                var destination = await mediator.Send(new SendSignInCode(result.Pending.UserId, result.Pending.AttemptId, CodeChannel.Email), cancellationToken);
                TempData["Notice"] = t["We sent a code to {0}.", destination].Value;
                return RedirectToPage("/Account/Code", new { via = "email" });
            case SignInStartOutcome.Locked:
                return RedirectToPage("/Account/Locked");
            case SignInStartOutcome.EmailNotConfirmed:
                ModelState.AddModelError("", "Confirm your email address before you sign in: we have just emailed you a new link.");
                break;
            case SignInStartOutcome.Deactivated:
                ModelState.AddModelError("", DeactivatedMessage);
                break;
            case SignInStartOutcome.Wrong:
                ModelState.AddModelError("", result.FailuresLeft == 1
                    ? t["The email address or password is not right. One more wrong attempt will lock the account for {0} minutes.", lockout.Value.DurationMinutes]
                    : t["The email address or password is not right. {0} more wrong attempts will lock the account for {1} minutes.", result.FailuresLeft, lockout.Value.DurationMinutes]);
                break;
        }

        return Page();
    }

    public const string DeactivatedMessage = "This account has been deactivated by the Appeals Division. Call the helpline if you think this is a mistake.";

    internal sealed class SignInForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
