using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.BotCheck;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Passwords;

/// <summary>
/// Self-service reset for outsiders: the answer is the same whether or not the address has an account. The temporary
/// password sits beside the old one, still needs the second factor and forces a change; staff ask an administrator.
/// </summary>
internal sealed record RequestPasswordReset(string? Email, string? BotCheck) : ICommand<bool>;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordReset>
{
    public RequestPasswordResetValidator(ProofOfWorkBotCheck botCheck)
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.");
        RuleFor(c => c.BotCheck).MustAsync((payload, cancellationToken) => botCheck.VerifyAsync(payload, cancellationToken))
            .WithMessage("The automatic check did not pass. Wait for it to finish, then send the form again.");
    }
}

internal sealed class RequestPasswordResetHandler(
    UserManager<AimsUser> users,
    TemporaryPasswords temporaryPasswords,
    SecurityAudit audit,
    IOutgoingMail mail,
    AccountEmails emails) : IRequestHandler<RequestPasswordReset, bool>
{
    public async Task<bool> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        // Every branch hashes one temporary password and queues its email for after the answer (the outbox), so the time
        // of the answer does not tell whether the address has an account (ADR 0031).
        var user = await users.FindByEmailAsync(command.Email!.Trim());
        if (user is null || !user.EmailConfirmed)
        {
            temporaryPasswords.SpendIssuing();
            await audit.RecordAsync(SecurityEventKind.PasswordReset, null, command.Email, "no confirmed account", cancellationToken);
            return true;
        }

        if (user.IsStaff)
        {
            temporaryPasswords.SpendIssuing();
            await mail.QueueAsync(emails.StaffResetRefused(user.Email!), cancellationToken);
            await audit.RecordAsync(SecurityEventKind.PasswordReset, user.Id, user.Email, "refused: staff", cancellationToken);
            return true;
        }

        var password = temporaryPasswords.IssueBeside(user);
        await users.UpdateAsync(user);
        await mail.QueueAsync(emails.TemporaryPassword(user.Email!, password, user.TemporaryPasswordExpiresAt!.Value), cancellationToken);
        await audit.RecordAsync(SecurityEventKind.PasswordReset, user.Id, user.Email, "temporary password sent", cancellationToken);
        return true;
    }
}
