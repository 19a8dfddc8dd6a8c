using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Lockout;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Passwords;

/// <summary>
/// "Confirm it's you": the password again before a sensitive setting, when the sign-in is more than 15 minutes old. A
/// wrong password counts towards the same lockout as at sign-in; the lock ends this session too.
/// </summary>
internal sealed record ConfirmPassword(Guid UserId, string? Password) : ICommand<PasswordConfirmation>;

internal enum PasswordConfirmation
{
    Confirmed,
    Wrong,
    Locked,
}

internal sealed class ConfirmPasswordValidator : AbstractValidator<ConfirmPassword>
{
    public ConfirmPasswordValidator()
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.");
    }
}

internal sealed class ConfirmPasswordHandler(UserManager<AimsUser> users, SignInLockout lockout, FailedAttempts failures)
    : IRequestHandler<ConfirmPassword, PasswordConfirmation>
{
    public async Task<PasswordConfirmation> Handle(ConfirmPassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null || (await lockout.StateAsync(user.Email!, cancellationToken)).IsLocked)
        {
            return PasswordConfirmation.Locked;
        }

        if (await users.CheckPasswordAsync(user, command.Password!))
        {
            await lockout.RecordSuccessAsync(user.Email!, cancellationToken);
            return PasswordConfirmation.Confirmed;
        }

        var state = await failures.RecordAsync(SecurityEventKind.SignInFailed, user.Id, user.Email!, "password confirmation", cancellationToken);
        return state.IsLocked ? PasswordConfirmation.Locked : PasswordConfirmation.Wrong;
    }
}
