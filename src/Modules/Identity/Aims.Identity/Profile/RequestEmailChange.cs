using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.Identity.Accounts;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Profile;

/// <summary>
/// Changing the sign-in email: a link to the new address makes the change, the old one is told at once; an address that
/// has an account gets a notice instead, and the page reads the same either way (no enumeration).
/// </summary>
internal sealed record RequestEmailChange(Guid UserId, string? NewEmail) : ICommand<bool>;

internal sealed class RequestEmailChangeValidator : AbstractValidator<RequestEmailChange>
{
    public RequestEmailChangeValidator()
    {
        RuleFor(c => c.NewEmail).NotEmpty().WithMessage("Enter your new email address.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.");
    }
}

internal sealed class RequestEmailChangeHandler(
    UserManager<AimsUser> users,
    ConfirmationLinks links,
    IOutgoingMail mail,
    AccountEmails emails,
    IOptions<StaffOptions> staff) : IRequestHandler<RequestEmailChange, bool>
{
    public async Task<bool> Handle(RequestEmailChange command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        var newEmail = command.NewEmail!.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("This is already your email address.");
        }

        if (staff.Value.IsAgencyEmail(newEmail) != user.IsStaff)
        {
            throw Invalid(user.IsStaff
                ? $"Staff accounts use an agency address (…@{staff.Value.EmailDomain})."
                : "Agency addresses are for staff accounts, which an appeals administrator creates.");
        }

        if (await users.FindByEmailAsync(newEmail) is { } existing)
        {
            await mail.QueueAsync(emails.AlreadyRegistered(existing), cancellationToken);
        }
        else
        {
            await mail.QueueAsync(emails.ConfirmNewAddress(user, newEmail, await links.ForNewAddressAsync(user, newEmail)), cancellationToken);
        }

        await mail.QueueAsync(emails.EmailChangeRequested(user, newEmail), cancellationToken);
        return true;
    }

    private static ValidationException Invalid(string message) => new([new FluentValidation.Results.ValidationFailure(nameof(RequestEmailChange.NewEmail), message)]);
}
