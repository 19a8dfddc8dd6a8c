using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Registration.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Providers;

/// <summary>
/// The provider's administrators keep its profile current: name, Medicaid provider ID, address, contact, MCO network.
/// The NPI names the provider and is not edited; appeals already filed keep the details they were filed with.
/// </summary>
internal sealed record UpdateProviderProfile(Guid ProviderId, Guid UserId, ProviderDetailsForm Form) : ICommand<bool>;

internal sealed class UpdateProviderProfileValidator : AbstractValidator<UpdateProviderProfile>
{
    public UpdateProviderProfileValidator() => RuleFor(c => c.Form).SetValidator(new ProviderDetailsValidator());
}

internal sealed class UpdateProviderProfileHandler(RegistrationDbContext db) : IRequestHandler<UpdateProviderProfile, bool>
{
    public async Task<bool> Handle(UpdateProviderProfile command, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == command.ProviderId, cancellationToken);
        if (provider is null || !await db.ProviderMembers.AnyAsync(m => m.ProviderId == provider.Id && m.UserId == command.UserId && m.IsAdministrator, cancellationToken))
        {
            throw new NotFoundException("There is no such provider among those you administer.");
        }

        command.Form.CopyTo(provider);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
