using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Agencies;

/// <summary>What other modules may know about agencies and their coordinators; deactivated coordinators count for nothing.</summary>
internal sealed class AgencyDirectory(RegistrationDbContext db) :
    IRequestHandler<ListAgencies, IReadOnlyList<AgencySummary>>,
    IRequestHandler<GetCoordinatorAgency, Guid?>,
    IRequestHandler<GetAgencyCoordinators, IReadOnlyList<CoordinatorContact>>
{
    public async Task<IReadOnlyList<AgencySummary>> Handle(ListAgencies query, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Type == query.Type).OrderBy(a => a.Name)
            .Select(a => new AgencySummary(a.Id, a.Name, a.Type))
            .ToListAsync(cancellationToken);

    public Task<Guid?> Handle(GetCoordinatorAgency query, CancellationToken cancellationToken) =>
        db.Coordinators.AsNoTracking().Where(c => c.UserId == query.UserId && c.DeactivatedAt == null)
            .Select(c => (Guid?)c.AgencyId)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CoordinatorContact>> Handle(GetAgencyCoordinators query, CancellationToken cancellationToken) =>
        await db.Coordinators.AsNoTracking().Where(c => c.AgencyId == query.AgencyId && c.DeactivatedAt == null).OrderBy(c => c.Name)
            .Select(c => new CoordinatorContact(c.UserId, c.Name, c.Email))
            .ToListAsync(cancellationToken);
}
