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

namespace Aims.Identity.NewAccounts;

/// <summary>
/// Sign-up for outsiders. The answer is the same whether or not the address has an account (its owner is emailed instead),
/// so the form cannot reveal who has one.
/// </summary>
internal sealed record SignUp(string? DisplayName, string? Email, string? Password, string? ConfirmPassword, Role? Role, string? Mobile) : ICommand<bool>;

internal sealed class SignUpValidator : AbstractValidator<SignUp>
{
    /// <summary>Agency coordinators come through agency registration, staff from an administrator: neither signs up here.</summary>
    public static readonly Role[] SelfService =
        [Role.ProviderUser, Role.ProviderRepresentative, Role.McoUser, Role.TradingPartner, Role.ClientAppellant, Role.AuthorizedRepresentative];

    public SignUpValidator(PasswordPolicy policy, IOptions<StaffOptions> staff)
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter your full name.")
            .MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.")
            .Must(email => !staff.Value.IsAgencyEmail(email)).WithMessage("Agency staff do not sign up: an appeals administrator creates staff accounts.");
        RuleFor(c => c.Role).NotNull().WithMessage("Choose who you are.")
            .Must(role => role is null || SelfService.Contains(role.Value)).WithMessage("Choose one of the listed kinds of account.");
        RuleFor(c => c.Password).Custom((password, context) =>
        {
            foreach (var problem in policy.Check(password, context.InstanceToValidate.Email))
            {
                context.AddFailure(nameof(SignUp.Password), problem);
            }
        });
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("Enter the same password twice.");
        RuleFor(c => c.Mobile).UsPhone().When(c => !string.IsNullOrWhiteSpace(c.Mobile));
    }
}

internal sealed class SignUpHandler(
    UserManager<AimsUser> users,
    IPasswordHasher<AimsUser> hasher,
    AccountOpening accounts,
    IOutgoingMail mail,
    AccountEmails emails,
    ConfirmationLinks links) : IRequestHandler<SignUp, bool>
{
    public async Task<bool> Handle(SignUp command, CancellationToken cancellationToken)
    {
        var email = command.Email!.Trim();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // The new account's costly work — hashing the password — spent here too, so the
            // time of the answer does not tell whether the address has an account (ADR 0031).
            PasswordHashing.SpendHashing(hasher, command.Password!);
            await mail.QueueAsync(emails.AlreadyRegistered(existing.Email!), cancellationToken);
            return true;
        }

        var user = accounts.For(email, command.DisplayName!.Trim());
        user.PhoneNumber = AimsRules.UsPhoneDigits(command.Mobile) is { } digits ? "+1" + digits : null;
        var created = await accounts.OpenAsync(user, command.Password!, command.Role!.Value, "signed up as " + command.Role, cancellationToken);
        if (!created.Succeeded)
        {
            throw new ValidationException(created.Errors.Select(e => new FluentValidation.Results.ValidationFailure(nameof(SignUp.Password), e.Description)));
        }

        await mail.QueueAsync(emails.ConfirmAddress(email, await links.ForAsync(user)), cancellationToken);
        return true;
    }
}
