using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Validation;
using Aims.Registration.Claims;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Clients;

/// <summary>
/// The client's own details. A Medicaid ID is on one profile only, and a new or changed one is a claim that shows
/// nothing until verified (ADR 0029).
/// </summary>
internal sealed record SaveClientProfile(
    Guid UserId, string? FullName, string? DateOfBirth, string? MedicaidId, string? Street, string? City, string? State, string? Zip, string? Phone,
    string? Evidence = null) : ICommand<bool>;

internal sealed class SaveClientProfileValidator : AbstractValidator<SaveClientProfile>
{
    public SaveClientProfileValidator(BusinessCalendar calendar)
    {
        RuleFor(c => c.FullName).NotEmpty().WithMessage("Enter your full name.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.DateOfBirth).NotEmpty().WithMessage("Enter your date of birth.")
            .Must(value => AimsRules.ParseDate(value) is not null).WithMessage("Enter your date of birth like 04/27/1961.")
            .Must(value => AimsRules.ParseDate(value) is not { } date || (date <= calendar.Today() && date > calendar.Today().AddYears(-130)))
            .WithMessage("Enter a date of birth in the past.");
        RuleFor(c => c.MedicaidId).NotEmpty().WithMessage("Enter your 12-digit Medicaid ID.").MedicaidId();
        RuleFor(c => c.Street).NotEmpty().WithMessage("Enter your street address.").MaximumLength(200).WithMessage("Enter at most 200 characters.");
        RuleFor(c => c.City).NotEmpty().WithMessage("Enter your city.").MaximumLength(100).WithMessage("Enter at most 100 characters.");
        RuleFor(c => c.State).UsState();
        RuleFor(c => c.Zip).NotEmpty().WithMessage("Enter your ZIP code.").UsZip();
        RuleFor(c => c.Phone).NotEmpty().WithMessage("Enter your phone number.").UsPhone();
        RuleFor(c => c.Evidence).MaximumLength(1000).WithMessage("Use at most 1,000 characters.");
    }
}

internal sealed class SaveClientProfileHandler(RegistrationDbContext db, IOutbox bus, IdentityClaims claims, TimeProvider time) : IRequestHandler<SaveClientProfile, bool>
{
    public async Task<bool> Handle(SaveClientProfile command, CancellationToken cancellationToken)
    {
        if (await claims.HeldByAnotherAsync(ClaimKind.MedicaidId, command.MedicaidId!, command.UserId, cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(SaveClientProfile.MedicaidId),
                "This Medicaid ID is already on another AIMS account. Call the helpline and we will sort it out.")]);
        }

        var now = time.GetUtcNow();
        var profile = await db.ClientProfiles.SingleOrDefaultAsync(p => p.UserId == command.UserId, cancellationToken);
        var created = profile is null;
        var previousId = profile?.MedicaidId;
        profile ??= db.ClientProfiles.Add(new ClientProfile
        {
            UserId = command.UserId, FullName = "", MedicaidId = "", Street = "", City = "", State = "", Zip = "", Phone = "", CreatedAt = now,
        }).Entity;
        profile.FullName = command.FullName!.Trim();
        profile.DateOfBirth = AimsRules.ParseDate(command.DateOfBirth)!.Value;
        profile.MedicaidId = command.MedicaidId!;
        profile.Street = command.Street!.Trim();
        profile.City = command.City!.Trim();
        profile.State = command.State!;
        profile.Zip = command.Zip!.Trim();
        profile.Phone = AimsRules.UsPhoneDigits(command.Phone)!;
        profile.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (previousId != profile.MedicaidId)
        {
            await claims.SubmitMemberAsync(command.UserId, profile.MedicaidId, profile.FullName, profile.DateOfBirth, command.Evidence, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(command.Evidence) && await claims.LiveAsync(ClaimKind.MedicaidId, command.UserId, cancellationToken) is { Status: ClaimStatus.Pending } pending)
        {
            pending.Evidence = command.Evidence.Trim();
            await db.SaveChangesAsync(cancellationToken);
        }

        if (created)
        {
            await bus.PublishAsync(new ClientProfileCreated(command.UserId, profile.MedicaidId), cancellationToken);
        }

        return true;
    }
}
