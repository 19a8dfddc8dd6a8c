using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Clients;

/// <summary>A client's details for the appeals they file about themselves.</summary>
internal sealed class ClientProfiles(RegistrationDbContext db) : IRequestHandler<GetClientProfile, ClientProfileSummary?>
{
    public Task<ClientProfileSummary?> Handle(GetClientProfile query, CancellationToken cancellationToken) =>
        db.ClientProfiles.AsNoTracking().Where(p => p.UserId == query.UserId)
            .Select(p => new ClientProfileSummary(p.FullName, p.MedicaidId, p.Phone))
            .SingleOrDefaultAsync(cancellationToken);
}
