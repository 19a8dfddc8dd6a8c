using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
using Aims.Identity.Passwords;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Aims.Identity.StaffAccounts;

/// <summary>An appeals administrator creates a staff account on the agency's domain, with a temporary password.</summary>
internal sealed record CreateStaffAccount(string? DisplayName, string? Email, Role? Role, Guid AdministratorId) : ICommand<bool>;

internal sealed class CreateStaffAccountValidator : AbstractValidator<CreateStaffAccount>
{
    public CreateStaffAccountValidator(IOptions<StaffOptions> staff)
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's full name.")
            .MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the person's agency email address.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.")
            .Must(staff.Value.IsAgencyEmail).WithMessage($"Staff accounts use an agency address (…@{staff.Value.EmailDomain}).");
        RuleFor(c => c.Role).NotNull().WithMessage("Choose the person's role.")
            .Must(role => role is null || AccessTable.IsStaff(role.Value)).WithMessage("Choose one of the staff roles.");
    }
}

internal sealed class CreateStaffAccountHandler(
    UserManager<AimsUser> users,
    AccountOpening accounts,
    TemporaryPasswords temporaryPasswords,
    IOutgoingMail mail,
    AccountEmails emails) : IRequestHandler<CreateStaffAccount, bool>
{
    public async Task<bool> Handle(CreateStaffAccount command, CancellationToken cancellationToken)
    {
        var email = command.Email!.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CreateStaffAccount.Email), "An account with this email address already exists.")]);
        }

        var user = accounts.For(email, command.DisplayName!.Trim());
        // The administrator vouches for the agency address; the temporary password only arrives there.
        user.EmailConfirmed = true;
        user.IsStaff = true;
        var password = temporaryPasswords.IssueBeside(user);
        (await accounts.OpenAsync(user, null, command.Role!.Value, $"staff account created by administrator {command.AdministratorId}", cancellationToken))
            .Require("Staff account not created");
        await mail.QueueAsync(emails.StaffAccountCreated(email, password, user.TemporaryPasswordExpiresAt!.Value), cancellationToken);
        return true;
    }
}
