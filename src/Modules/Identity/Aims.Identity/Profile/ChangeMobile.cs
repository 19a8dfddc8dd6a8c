using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Codes;
using Aims.Identity.Lockout;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Profile;

/// <summary>
/// The mobile for text codes: a new number is used only once its texted code comes back (a wrong one counts towards
/// lockout); shown masked, only to its owner.
/// </summary>
internal sealed record StartMobileChange(Guid UserId, string? Mobile) : ICommand<MobileChange>;

/// <summary>A change waiting for its code: carried in the page, sealed with data protection so it cannot be altered.</summary>
internal sealed record MobileChange(Guid UserId, Guid AttemptId, string Phone);

internal sealed record ConfirmMobileChange(MobileChange Change, string? Code) : ICommand<MobileCodeVerdict>;

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
