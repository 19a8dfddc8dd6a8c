using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Audit;
using Aims.Identity.Codes;
using Aims.Identity.Lockout;
using FluentValidation;
using MediatR;

namespace Aims.Identity.SignIn;

/// <summary>
/// Second step: the one-time code. A wrong, expired, reused or replaced code counts towards the same lockout as a
/// wrong password; the right one ends the pending sign-in and starts a new session.
/// </summary>
internal sealed record VerifySignInCode(Guid UserId, Guid AttemptId, string Email, string? Code) : ICommand<CodeVerdict>;

internal sealed record CodeVerdict(CodeCheck Check, bool Locked = false, int FailuresLeft = 0);

internal sealed class VerifySignInCodeValidator : AbstractValidator<VerifySignInCode>
{
    public VerifySignInCodeValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the 6-digit code.")
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage("Enter the 6 digits of the code, like 123456.");
    }
}

internal sealed class VerifySignInCodeHandler(
    OneTimeCodes codes,
    SignInLockout lockout,
    FailedAttempts failures,
    SecurityAudit audit) : IRequestHandler<VerifySignInCode, CodeVerdict>
{
    public async Task<CodeVerdict> Handle(VerifySignInCode command, CancellationToken cancellationToken)
    {
        if ((await lockout.StateAsync(command.Email, cancellationToken)).IsLocked)
        {
            return new CodeVerdict(CodeCheck.Wrong, Locked: true);
        }

        var check = await codes.CheckAsync(command.AttemptId, CodePurpose.SignIn, command.Code, cancellationToken);
        if (check == CodeCheck.Valid)
        {
            await lockout.RecordSuccessAsync(command.Email, cancellationToken);
            await audit.RecordAsync(SecurityEventKind.SignInSucceeded, command.UserId, command.Email, "code", cancellationToken);
            return new CodeVerdict(check);
        }

        var state = await failures.RecordAsync(SecurityEventKind.CodeFailed, command.UserId, command.Email, check.ToString(), cancellationToken);
        return new CodeVerdict(check, state.IsLocked, state.FailuresLeft);
    }
}
