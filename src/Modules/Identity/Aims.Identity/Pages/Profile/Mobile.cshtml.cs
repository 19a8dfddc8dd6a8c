using System.Security.Claims;
using System.Text.Json;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.TextMessages;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Codes;
using Aims.Identity.Lockout;
using Aims.Identity.Sessions;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Aims.Identity.Pages.Profile;

/// <summary>
/// The mobile for text codes: a new number is used only once its texted code comes back (a wrong one counts towards
/// lockout); shown masked, only to its owner.
/// </summary>
internal sealed record StartMobileChange(Guid UserId, string? Mobile) : ICommand<MobileChange>;

/// <summary>A change waiting for its code: carried in the page, sealed with data protection so it cannot be altered.</summary>
internal sealed record MobileChange(Guid UserId, Guid AttemptId, string Phone);

internal sealed record ConfirmMobileChange(MobileChange Change, string? Code) : ICommand<MobileCodeVerdict>;

internal sealed record RemoveMobile(Guid UserId) : ICommand<bool>;

internal sealed record MobileCodeVerdict(CodeCheck Check, bool Locked);

internal sealed class StartMobileChangeValidator : AbstractValidator<StartMobileChange>
{
    public StartMobileChangeValidator()
    {
        RuleFor(c => c.Mobile).NotEmpty().WithMessage("Enter your mobile number.").UsPhone();
    }
}

internal sealed class ConfirmMobileChangeValidator : AbstractValidator<ConfirmMobileChange>
{
    public ConfirmMobileChangeValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the 6-digit code.")
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage("Enter the 6 digits of the code, like 123456.");
    }
}

internal sealed class StartMobileChangeHandler(OneTimeCodes codes, IOutgoingTextMessages texts, AccountEmails emails, SecurityAudit audit, TimeProvider time)
    : IRequestHandler<StartMobileChange, MobileChange>
{
    public async Task<MobileChange> Handle(StartMobileChange command, CancellationToken cancellationToken)
    {
        var change = new MobileChange(command.UserId, Guid.CreateVersion7(time.GetUtcNow()), "+1" + AimsRules.UsPhoneDigits(command.Mobile));
        var code = await codes.IssueAsync(command.UserId, change.AttemptId, CodePurpose.VerifyMobile, CodeChannel.TextMessage, cancellationToken);
        await texts.QueueAsync(change.Phone, emails.VerifyMobileText(code), cancellationToken);
        await audit.RecordAsync(SecurityEventKind.CodeSent, command.UserId, null, "mobile verification", cancellationToken);
        return change;
    }
}

internal sealed class ConfirmMobileChangeHandler(UserManager<AimsUser> users, OneTimeCodes codes, FailedAttempts failures, SecurityAudit audit, IOutgoingMail mail, AccountEmails emails)
    : IRequestHandler<ConfirmMobileChange, MobileCodeVerdict>
{
    public async Task<MobileCodeVerdict> Handle(ConfirmMobileChange command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Change.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        var check = await codes.CheckAsync(command.Change.AttemptId, CodePurpose.VerifyMobile, command.Code, cancellationToken);
        if (check != CodeCheck.Valid)
        {
            var state = await failures.RecordAsync(SecurityEventKind.CodeFailed, user.Id, user.Email!, "mobile verification: " + check, cancellationToken);
            return new MobileCodeVerdict(check, state.IsLocked);
        }

        user.PhoneNumber = command.Change.Phone;
        user.PhoneNumberConfirmed = true;
        await users.UpdateAsync(user);
        await audit.RecordAsync(SecurityEventKind.MobileChanged, user.Id, user.Email, "verified " + Masking.Phone(user.PhoneNumber), cancellationToken);
        await mail.QueueAsync(emails.MobileChanged(user), cancellationToken);
        return new MobileCodeVerdict(check, Locked: false);
    }
}

internal sealed class RemoveMobileHandler(UserManager<AimsUser> users, SecurityAudit audit, IOutgoingMail mail, AccountEmails emails) : IRequestHandler<RemoveMobile, bool>
{
    public async Task<bool> Handle(RemoveMobile command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        if (user.PhoneNumber is null)
        {
            return false;
        }

        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        await users.UpdateAsync(user);
        await audit.RecordAsync(SecurityEventKind.MobileChanged, user.Id, user.Email, "removed", cancellationToken);
        await mail.QueueAsync(emails.MobileChanged(user), cancellationToken);
        return true;
    }
}

[Authorize]
[RequireRecentSignIn]
internal sealed class MobileModel(
    IMediator mediator, UserManager<AimsUser> users, SignInManager<AimsUser> signIns, IDataProtectionProvider protection, IStringLocalizer<IdentityText> t)
    : PageModel
{
    private readonly IDataProtector sealer = protection.CreateProtector("Aims.Identity.MobileChange");

    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The sealed <see cref="MobileChange"/> while a code is awaited.</summary>
    [BindProperty]
    public string? Pending { get; set; }

    public string? MaskedPending { get; private set; }

    public string? Current { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (await mediator.SendFormAsync(new StartMobileChange(UserId, Mobile), ModelState, "", cancellationToken) is { } change)
        {
            Pending = sealer.Protect(JsonSerializer.Serialize(change));
            MaskedPending = Masking.Phone(change.Phone);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var change = Unseal();
        if (change is null)
        {
            ModelState.AddModelError(nameof(Mobile), "Enter your mobile number and send a new code.");
            await LoadAsync();
            return Page();
        }

        MaskedPending = Masking.Phone(change.Phone);
        var verdict = await mediator.SendFormAsync(new ConfirmMobileChange(change, Code), ModelState, "", cancellationToken);
        if (verdict?.Locked == true)
        {
            await signIns.SignOutAsync();
            return RedirectToPage("/Account/Locked");
        }

        if (verdict is not null && verdict.Check != CodeCheck.Valid)
        {
            ModelState.AddModelError(nameof(Code), verdict.Check switch
            {
                CodeCheck.Expired => "This code has expired. Send a new code.",
                CodeCheck.AlreadyUsed => "This code was already used. Send a new code.",
                CodeCheck.Replaced => "A newer code was sent: use the one in the latest message.",
                _ => "That code is not right.",
            });
        }

        if (verdict?.Check != CodeCheck.Valid)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Notice"] = t["Your mobile number {0} is verified. You can now get sign-in codes by text message.", MaskedPending!].Value;
        return RedirectToPage("/Profile/Index");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveMobile(UserId), cancellationToken);
        TempData["Notice"] = "Your mobile number is removed. Sign-in codes now come by email.";
        return RedirectToPage("/Profile/Index");
    }

    private MobileChange? Unseal()
    {
        try
        {
            var change = Pending is null ? null : JsonSerializer.Deserialize<MobileChange>(sealer.Unprotect(Pending));
            return change?.UserId == UserId ? change : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        Current = user?.PhoneNumber is { } phone ? Masking.Phone(phone) + (user.PhoneNumberConfirmed ? "" : " " + t["(not verified)"]) : null;
    }
}
