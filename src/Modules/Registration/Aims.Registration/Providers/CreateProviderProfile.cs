using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Validation;
using Aims.Registration.Claims;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using FluentValidation;
using MediatR;

namespace Aims.Registration.Providers;

/// <summary>
/// A provider's profile, one per NPI, created by its first user (its administrator); the NPI is a claim that shows no
/// appeals until verified (ADR 0029).
/// </summary>
internal sealed record CreateProviderProfile(Guid UserId, string UserName, string UserEmail, ProviderDetailsForm Form) : ICommand<Guid>;

internal sealed class CreateProviderProfileValidator : AbstractValidator<CreateProviderProfile>
{
    public CreateProviderProfileValidator()
    {
        RuleFor(c => c.Form.Npi).NotEmpty().WithMessage("Enter the provider's 10-digit NPI.").Npi();
        RuleFor(c => c.Form).SetValidator(new ProviderDetailsValidator());
    }
}

internal sealed class CreateProviderProfileHandler(RegistrationDbContext db, IOutbox bus, IdentityClaims claims, TimeProvider time) : IRequestHandler<CreateProviderProfile, Guid>
{
    public async Task<Guid> Handle(CreateProviderProfile command, CancellationToken cancellationToken)
    {
        if (await claims.HeldByAnotherAsync(ClaimKind.Npi, command.Form.Npi!, Guid.Empty, cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("Form.Npi",
                "A provider with this NPI already has a profile. Ask its administrator to invite you.")]);
        }

        var now = time.GetUtcNow();
        var provider = new Provider
        {
            Id = Guid.CreateVersion7(now), Name = "", Npi = command.Form.Npi!, MedicaidProviderId = "", Street = "", City = "", State = "", Zip = "",
            ContactName = "", ContactPhone = "", ContactEmail = "", CreatedAt = now,
        };
        command.Form.CopyTo(provider);
        db.Providers.Add(provider);
        db.ProviderMembers.Add(new ProviderMember
        {
            ProviderId = provider.Id, UserId = command.UserId, Name = command.UserName, Email = command.UserEmail, IsAdministrator = true, JoinedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await claims.SubmitProviderAsync(provider, command.UserId, cancellationToken);
        await bus.PublishAsync(new ProviderProfileCreated(provider.Id, provider.Npi, provider.Name, provider.InMcoNetwork, command.UserId), cancellationToken);
        await bus.PublishAsync(new ProviderMemberAdded(provider.Id, command.UserId, IsAdministrator: true), cancellationToken);
        return provider.Id;
    }
}
