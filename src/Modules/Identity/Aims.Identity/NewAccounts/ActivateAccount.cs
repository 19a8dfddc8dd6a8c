using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Passwords;
using Aims.Identity.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.NewAccounts;

/// <summary>
/// An approved coordinator's first visit: the activation link (72 hours, once) lets them choose a password under the
/// same policy as everyone; the link proves the address. Signing in then needs the second factor like any sign-in.
/// </summary>
internal sealed record ActivateAccount(string? Token, string? Password, string? ConfirmPassword) : ICommand<ActivationState>;

internal sealed class ActivateAccountValidator : AbstractValidator<ActivateAccount>
{
    public ActivateAccountValidator()
    {
        RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a password.");
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("Enter the same password twice.");
    }
}

internal sealed class ActivateAccountHandler(
    UserManager<AimsUser> users,
    AccountActivations activations,
    PasswordPolicy policy,
    SecurityAudit audit,
    IOutbox bus,
    TimeProvider time) : IRequestHandler<ActivateAccount, ActivationState>
{
    public async Task<ActivationState> Handle(ActivateAccount command, CancellationToken cancellationToken)
    {
        var (state, activation) = await activations.CheckAsync(command.Token, cancellationToken);
        if (state != ActivationState.Valid)
        {
            return state;
        }

        var user = await users.FindByIdAsync(activation!.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        if (policy.Check(command.Password, user.Email) is [var problem, ..])
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(ActivateAccount.Password), problem)]);
        }

        var added = await users.AddPasswordAsync(user, command.Password!);
        if (!added.Succeeded)
        {
            throw new ValidationException(added.Errors.Select(e => new FluentValidation.Results.ValidationFailure(nameof(ActivateAccount.Password), e.Description)));
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        activation.UsedAt = time.GetUtcNow();
        await audit.RecordAsync(SecurityEventKind.PasswordChanged, user.Id, user.Email, "activated", cancellationToken);
        if (user.AgencyId is { } agencyId)
        {
            await bus.PublishAsync(new CoordinatorActivated(user.Id, agencyId, user.DisplayName, user.Email!), cancellationToken);
        }

        return ActivationState.Valid;
    }
}
