using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
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
[EnableRateLimiting(IdentityRateLimits.SignIn)]
internal sealed class PasskeySignInModel(IMediator mediator, SignInManager<AimsUser> signIns, TimeProvider time) : PageModel
{
    /// <summary>The JSON of the browser's answer (<c>PublicKeyCredential.toJSON()</c>), put in the form by passkeys.js.</summary>
    [BindProperty]
    public string? Credential { get; set; }

    /// <summary>The page the person asked for before signing in; followed only when it is on this portal.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    /// <summary>The challenge for the browser; any passkey of this portal may answer it (discoverable credentials).</summary>
    public async Task<IActionResult> OnPostOptionsAsync() => Content(await signIns.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.SendFormAsync(new PasskeySignIn(Credential), ModelState, "", cancellationToken);
        switch (result?.Outcome)
        {
            case PasskeySignInOutcome.SignedIn:
                await signIns.SignInWithClaimsAsync(result.User!, isPersistent: false, [SessionCookies.SignedInAt(time.GetUtcNow()), new("amr", "hwk")]);
                await SignInLanguage.RememberAsync(mediator, HttpContext, result.User!.Id, cancellationToken);
                return result.User!.MustChangePassword ? RedirectToPage("/Account/ChangePassword") : LocalRedirect(Url.AfterSignIn(ReturnUrl));
            case PasskeySignInOutcome.EmailNotConfirmed:
                ModelState.AddModelError("", "Confirm your email address before you sign in: use the link we emailed you.");
                break;
            case PasskeySignInOutcome.Deactivated:
                ModelState.AddModelError("", SignInModel.DeactivatedMessage);
                break;
            case PasskeySignInOutcome.Failed:
                ModelState.AddModelError("", "That passkey was not accepted. Try again, or sign in with your password and a code.");
                break;
        }

        return Page();
    }
}
