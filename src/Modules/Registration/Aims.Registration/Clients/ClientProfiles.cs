using Aims.Registration.Claims;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
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

/// <summary>
/// Who a user is among clients: themselves, and those who linked them as representative — each only while that
/// client's Medicaid ID claim is verified (ADR 0029), so a typed-in ID reaches nobody's appeals.
/// </summary>
internal sealed class ClientLinks(RegistrationDbContext db, IdentityClaims claims) : IRequestHandler<GetClientLinks, IReadOnlyList<ClientLink>>
{
    public async Task<IReadOnlyList<ClientLink>> Handle(GetClientLinks query, CancellationToken cancellationToken)
    {
        var verified = claims.Verified(ClaimKind.MedicaidId);
        var profiles = db.ClientProfiles.AsNoTracking().Where(p => verified.Any(c => c.SubjectId == p.UserId && c.Identifier == p.MedicaidId));
        var own = await profiles.Where(p => p.UserId == query.UserId)
            .Select(p => new ClientLink(p.MedicaidId, p.FullName, true)).ToListAsync(cancellationToken);
        var represented = await db.ClientRepresentatives.AsNoTracking().Where(r => r.RepresentativeUserId == query.UserId)
            .Join(profiles, r => r.ClientUserId, p => p.UserId, (_, p) => new ClientLink(p.MedicaidId, p.FullName, false))
            .ToListAsync(cancellationToken);
        return [.. own, .. represented];
    }
}
