using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Codes;
using Aims.Identity.Lockout;
using Aims.Identity.Passwords;
using Aims.Identity.SignIn;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Pages.Account;

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
