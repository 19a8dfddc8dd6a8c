using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Agencies;

/// <summary>An administrator deactivates an agency's coordinator who has left: Identity is told and ends the access.</summary>
internal sealed record DeactivateCoordinator(Guid AgencyId, Guid UserId, Guid AdministratorId) : ICommand<string>;

internal sealed class DeactivateCoordinatorHandler(RegistrationDbContext db, IOutbox bus, TimeProvider time) : IRequestHandler<DeactivateCoordinator, string>
{
    public async Task<string> Handle(DeactivateCoordinator command, CancellationToken cancellationToken)
    {
        var coordinator = await db.Coordinators.SingleOrDefaultAsync(c => c.UserId == command.UserId && c.AgencyId == command.AgencyId, cancellationToken)
            ?? throw new NotFoundException("That person is not a coordinator of this agency.");
        if (coordinator.DeactivatedAt is not null)
        {
            throw new ConcurrencyException($"{coordinator.Name} was already deactivated.");
        }

        coordinator.DeactivatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await bus.PublishAsync(new CoordinatorDeactivated(coordinator.UserId, coordinator.AgencyId, command.AdministratorId), cancellationToken);
        return coordinator.Name;
    }
}
