using System.Globalization;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Requests;

/// <summary>
/// The public access request of an agency or DMAS contractor: who they are, who vouches for them, and their statement
/// that they may act for the agency. One pending request per email; the requester gets a status link by email.
/// </summary>
internal sealed record SubmitAccessRequest(
    AgencyType? AgencyType,
    string? AgencyName,
    string? Street,
    string? City,
    string? State,
    string? Zip,
    string? RequesterName,
    string? Email,
    string? Phone,
    string? SupervisorName,
    string? SupervisorPhone,
    string? Mobile,
    bool MayActForAgency,
    string? BotCheck) : ICommand<string>;

internal sealed class SubmitAccessRequestValidator : AbstractValidator<SubmitAccessRequest>
{
    public SubmitAccessRequestValidator(IMediator identity)
    {
        RuleFor(c => c.AgencyType).NotNull().WithMessage("Choose the kind of agency or contractor.");
        RuleFor(c => c.AgencyName).NotEmpty().WithMessage("Enter the agency's name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.Street).NotEmpty().WithMessage("Enter the street address.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.City).NotEmpty().WithMessage("Enter the city.").MaximumLength(100).WithMessage("Enter at most 100 characters.");
        RuleFor(c => c.State).UsState();
        RuleFor(c => c.Zip).NotEmpty().WithMessage("Enter the ZIP code.").UsZip();
        RuleFor(c => c.RequesterName).NotEmpty().WithMessage("Enter your full name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your work email address.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .ValidEmail().WithMessage("Enter an email address like name@example.com.");
        RuleFor(c => c.Phone).NotEmpty().WithMessage("Enter your phone number.").UsPhone();
        RuleFor(c => c.SupervisorName).NotEmpty().WithMessage("Enter your supervisor's name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.SupervisorPhone).NotEmpty().WithMessage("Enter your supervisor's phone number.").UsPhone();
        RuleFor(c => c.Mobile).UsPhone().When(c => !string.IsNullOrWhiteSpace(c.Mobile));
        RuleFor(c => c.MayActForAgency).Equal(true).WithMessage("Confirm that you may act on behalf of the agency.");
        RuleFor(c => c.BotCheck).MustAsync((payload, cancellationToken) => identity.Send(new VerifyBotCheck(payload), cancellationToken))
            .WithMessage("The automatic check did not pass. Wait for it to finish, then send the form again.");
    }
}

internal sealed class SubmitAccessRequestHandler(
    RegistrationDbContext db,
    IOutbox bus,
    IOutgoingMail mail,
    RegistrationEmails emails,
    BusinessCalendar calendar,
    TimeProvider time) : IRequestHandler<SubmitAccessRequest, string>
{
    /// <summary>The appeals team's service level: a reply within this many business days.</summary>
    public const int ReplyWithinBusinessDays = RegistrationRules.ReplyWithinBusinessDays;

    /// <returns>The status link's path.</returns>
    public async Task<string> Handle(SubmitAccessRequest command, CancellationToken cancellationToken)
    {
        var email = command.Email!.Trim();
        var normalized = email.ToUpperInvariant();
        if (await db.AccessRequests.AnyAsync(r => r.NormalizedEmail == normalized && r.Status == AccessRequestStatus.Pending, cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(SubmitAccessRequest.Email),
                "A request from this email address is already waiting for review. We reply by email; use the status link in our first email to follow it.")]);
        }

        var token = LinkSecrets.New();
        var now = time.GetUtcNow();
        var request = new AccessRequest
        {
            Id = Guid.CreateVersion7(now),
            AgencyType = command.AgencyType!.Value,
            AgencyName = command.AgencyName!.Trim(),
            Street = command.Street!.Trim(),
            City = command.City!.Trim(),
            State = command.State!,
            Zip = command.Zip!.Trim(),
            RequesterName = command.RequesterName!.Trim(),
            Email = email,
            NormalizedEmail = normalized,
            Phone = AimsRules.UsPhoneDigits(command.Phone)!,
            SupervisorName = command.SupervisorName!.Trim(),
            SupervisorPhone = AimsRules.UsPhoneDigits(command.SupervisorPhone)!,
            Mobile = AimsRules.UsPhoneDigits(command.Mobile) is { } mobile ? "+1" + mobile : null,
            SubmittedAt = now,
            Language = CultureInfo.CurrentUICulture.Equals(PortalLanguages.Spanish) ? PortalLanguages.Spanish.TwoLetterISOLanguageName : null,
            StatusTokenHash = LinkSecrets.Hash(token),
            Status = AccessRequestStatus.Pending,
        };
        db.AccessRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);

        var callAfter = calendar.AddBusinessDays(calendar.ToLocalDate(now), ReplyWithinBusinessDays);
        var statusPath = "/registration/status?token=" + token;
        await mail.QueueAsync(emails.Received(email, request.AgencyName, callAfter, statusPath), cancellationToken);
        await bus.PublishAsync(new AccessRequestSubmitted(request.Id, request.AgencyType, request.AgencyName, email, now), cancellationToken);
        await ReviewReminders.ScheduleAsync(bus, calendar, request.Id, now, cancellationToken);
        return statusPath;
    }
}
