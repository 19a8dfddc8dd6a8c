using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Lockout;
using Aims.Identity.Sessions;
using Aims.Identity.SignIn;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Aims.Identity.Pages.Account;

/// <summary>Passkey sign-in: user verification is both factors, so no code follows; works during a lock (ADR 0031), failures audited.</summary>
/// <param name="Credential">The JSON of the browser's answer (<c>PublicKeyCredential.toJSON()</c>), put in the form by passkeys.js.</param>
internal sealed record PasskeySignIn(string? Credential) : ICommand<PasskeySignInResult>;

internal sealed record PasskeySignInResult(PasskeySignInOutcome Outcome, AimsUser? User = null);

internal enum PasskeySignInOutcome
{
    SignedIn,
    Failed,
    EmailNotConfirmed,
    Deactivated,
}

internal sealed class PasskeySignInValidator : AbstractValidator<PasskeySignIn>
{
    public PasskeySignInValidator()
    {
        RuleFor(c => c.Credential).Must(PasskeyCredential.IsPlausible)
            .WithMessage("Use the button to sign in with your passkey. Passkeys need JavaScript switched on.");
    }
}

internal sealed class PasskeySignInHandler(SignInManager<AimsUser> signIns, SignInLockout lockout, SecurityAudit audit)
    : IRequestHandler<PasskeySignIn, PasskeySignInResult>
{
    public async Task<PasskeySignInResult> Handle(PasskeySignIn command, CancellationToken cancellationToken)
    {
        // Checks the challenge issued to this browser, the origin, the signature, user verification and the count.
        var assertion = await PasskeyCeremony.CompleteAsync(() => signIns.PerformPasskeyAssertionAsync(command.Credential!));
        if (assertion is null || !assertion.Succeeded)
        {
            await audit.RecordAsync(SecurityEventKind.SignInFailed, null, null, "passkey: " + (assertion?.Failure?.Message ?? PasskeyCeremony.NoneUnderWay), cancellationToken);
            return new PasskeySignInResult(PasskeySignInOutcome.Failed);
        }

        var user = assertion.User;

        if (user.DeactivatedAt is not null)
        {
            await audit.RecordAsync(SecurityEventKind.SignInFailed, user.Id, user.Email, "passkey, deactivated", cancellationToken);
            return new PasskeySignInResult(PasskeySignInOutcome.Deactivated);
        }

        if (!user.EmailConfirmed)
        {
            return new PasskeySignInResult(PasskeySignInOutcome.EmailNotConfirmed);
        }

        // Stores the new signature count, so a cloned authenticator replaying an old count is refused next time.
        (await signIns.UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Require("The passkey's signature count was not saved");

        // A passkey is not a guessable secret, so a lock that others' guesses caused does not keep its owner out (ADR
        // 0031); the lock stays for passwords and codes, which are still being guessed.
        var locked = (await lockout.StateAsync(user.Email!, cancellationToken)).IsLocked;
        if (!locked)
        {
            await lockout.RecordSuccessAsync(user.Email!, cancellationToken);
        }

        await audit.RecordAsync(SecurityEventKind.SignInSucceeded, user.Id, user.Email, locked ? "passkey, during a lock" : "passkey", cancellationToken);
        return new PasskeySignInResult(PasskeySignInOutcome.SignedIn, user);
    }
}

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
