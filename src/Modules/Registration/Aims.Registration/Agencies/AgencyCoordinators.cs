using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Agencies;

/// <summary>
/// The agency's list of coordinators follows Identity: a coordinator is listed once they activate their account
/// (delivery is at least once, so a repeat changes nothing), and other modules ask for an agency's name here.
/// </summary>
internal sealed class AgencyCoordinators(RegistrationDbContext db, TimeProvider time)
    : INotificationHandler<CoordinatorActivated>, IRequestHandler<GetAgency, AgencySummary?>
{
    public async Task Handle(CoordinatorActivated activated, CancellationToken cancellationToken)
    {
        if (await db.Coordinators.AnyAsync(c => c.UserId == activated.UserId, cancellationToken))
        {
            return;
        }

        db.Coordinators.Add(new AgencyCoordinator
        {
            UserId = activated.UserId,
            AgencyId = activated.AgencyId,
            Name = activated.Name,
            Email = activated.Email,
            ActivatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<AgencySummary?> Handle(GetAgency query, CancellationToken cancellationToken) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == query.AgencyId)
            .Select(a => new AgencySummary(a.Id, a.Name, a.Type))
            .SingleOrDefaultAsync(cancellationToken);
}
