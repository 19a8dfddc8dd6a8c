using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Lockout;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.SignIn;

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
