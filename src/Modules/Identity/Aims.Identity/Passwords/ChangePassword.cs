using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Passwords;

/// <summary>
/// Changing the password: the current one (or the temporary one just used) is required, the new one must meet the
/// policy, and every other session ends. A forced change after a temporary password lands here before anything else.
/// </summary>
internal sealed record ChangePassword(Guid UserId, string? CurrentPassword, string? NewPassword, string? ConfirmPassword) : ICommand<bool>;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Enter a new password.");
        RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage("Enter the same new password twice.");
    }
}

internal sealed class ChangePasswordHandler(
    UserManager<AimsUser> users,
    TemporaryPasswords temporaryPasswords,
    PasswordPolicy policy,
    SecurityAudit audit,
    IOutgoingMail mail,
    AccountEmails emails) : IRequestHandler<ChangePassword, bool>
{
    public async Task<bool> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        var current = command.CurrentPassword!;
        if (!await users.CheckPasswordAsync(user, current) && !temporaryPasswords.Matches(user, current))
        {
            throw Invalid(nameof(ChangePassword.CurrentPassword), "Your current password is not right.");
        }

        if (policy.Check(command.NewPassword, user.Email) is [var first, ..])
        {
            throw Invalid(nameof(ChangePassword.NewPassword), first);
        }

        if (command.NewPassword == current)
        {
            throw Invalid(nameof(ChangePassword.NewPassword), "Choose a password different from the current one.");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = false;
        TemporaryPasswords.Clear(user);
        var result = await users.ResetPasswordAsync(user, token, command.NewPassword!);
        if (!result.Succeeded)
        {
            throw Invalid(nameof(ChangePassword.NewPassword), result.Errors.First().Description);
        }

        await audit.RecordAsync(SecurityEventKind.PasswordChanged, user.Id, user.Email, null, cancellationToken);
        await mail.QueueAsync(emails.PasswordChanged(user), cancellationToken);
        return true;
    }

    private static ValidationException Invalid(string field, string message) => new([new FluentValidation.Results.ValidationFailure(field, message)]);
}
