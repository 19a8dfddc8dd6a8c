using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Lockout;
using Aims.Identity.Passwords;
using Aims.Identity.Sessions;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Aims.Identity.SignIn;

/// <summary>
/// First step of signing in: email and password. Staff use the same model and form at /staff/sign-in (Pages/Staff), and each path accepts only
/// its own kind of account. Every failure — wrong password, unknown email, wrong path — looks and counts the same.
/// </summary>
internal sealed record StartSignIn(string? Email, string? Password, bool Staff) : ICommand<SignInStart>;

internal enum SignInStartOutcome
{
    SecondFactorNeeded,
    Wrong,
    Locked,
    EmailNotConfirmed,
    Deactivated,
}

internal sealed record SignInStart(SignInStartOutcome Outcome, PendingSignIn? Pending = null, bool HasVerifiedMobile = false, int FailuresLeft = 0);

internal sealed class StartSignInValidator : AbstractValidator<StartSignIn>
{
    public StartSignInValidator(IOptions<StaffOptions> staff)
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.");
        RuleFor(c => c.Email).Must(staff.Value.IsAgencyEmail).When(c => c.Staff && !string.IsNullOrWhiteSpace(c.Email))
            .WithMessage($"Use your agency email address (…@{staff.Value.EmailDomain}).");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.")
            .MaximumLength(PasswordPolicy.MaximumLength).WithMessage($"Enter at most {PasswordPolicy.MaximumLength} characters.");
    }
}

internal sealed class StartSignInHandler(
    UserManager<AimsUser> users,
    IPasswordHasher<AimsUser> hasher,
    TemporaryPasswords temporaryPasswords,
    SignInLockout lockout,
    FailedAttempts failures,
    SecurityAudit audit,
    IOutgoingMail mail,
    AccountEmails emails,
    ConfirmationLinks confirmationLinks) : IRequestHandler<StartSignIn, SignInStart>
{
    public async Task<SignInStart> Handle(StartSignIn command, CancellationToken cancellationToken)
    {
        var email = command.Email!.Trim();
        var password = command.Password!;
        var state = await lockout.StateAsync(email, cancellationToken);
        if (state.IsLocked)
        {
            await audit.RecordAsync(SecurityEventKind.SignInFailed, null, email, "locked", cancellationToken);
            return new SignInStart(SignInStartOutcome.Locked);
        }

        var user = await users.FindByEmailAsync(email);
        var ownPage = user is not null && user.IsStaff == command.Staff;
        var accepted = ownPage && await PasswordMatchesAsync(user!, password);
        if (!ownPage)
        {
            // A wrong password costs two hash checks (own, then temporary); an unknown address or an account of the
            // other kind costs the same, so the time of the answer does not tell them apart (ADR 0031).
            PasswordHashing.SpendVerification(hasher, password);
            PasswordHashing.SpendVerification(hasher, password);
        }

        if (!accepted)
        {
            return await FailAsync(user, email, cancellationToken);
        }

        if (user!.DeactivatedAt is not null)
        {
            await audit.RecordAsync(SecurityEventKind.SignInFailed, user.Id, email, "deactivated", cancellationToken);
            return new SignInStart(SignInStartOutcome.Deactivated);
        }

        if (!user.EmailConfirmed)
        {
            await mail.QueueAsync(emails.ConfirmAddress(user.Email!, await confirmationLinks.ForAsync(user)), cancellationToken);
            return new SignInStart(SignInStartOutcome.EmailNotConfirmed);
        }

        var pending = new PendingSignIn(user.Id, Guid.CreateVersion7(), user.Email!, user.IsStaff);
        return new SignInStart(SignInStartOutcome.SecondFactorNeeded, pending, user.PhoneNumberConfirmed && user.PhoneNumber is not null);
    }

    /// <summary>
    /// The account's own password clears a pending temporary one (the reset was not needed); the temporary one
    /// marks the account for a forced change once the second factor is done.
    /// </summary>
    private async Task<bool> PasswordMatchesAsync(AimsUser user, string password)
    {
        if (await users.CheckPasswordAsync(user, password))
        {
            if (user.TemporaryPasswordHash is not null)
            {
                TemporaryPasswords.Clear(user);
                await users.UpdateAsync(user);
            }

            return true;
        }

        if (!temporaryPasswords.Matches(user, password))
        {
            return false;
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        return true;
    }

    private async Task<SignInStart> FailAsync(AimsUser? user, string email, CancellationToken cancellationToken)
    {
        var state = await failures.RecordAsync(SecurityEventKind.SignInFailed, user?.Id, email, "password", cancellationToken);
        return state.IsLocked ? new SignInStart(SignInStartOutcome.Locked) : new SignInStart(SignInStartOutcome.Wrong, FailuresLeft: state.FailuresLeft);
    }
}
