using Aims.Registration.Claims;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Providers;

/// <summary>
/// The providers a user acts for, for the modules that file appeals in a provider's name — only those whose NPI claim
/// is verified (ADR 0029): an unverified profile grants nobody its appeals.
/// </summary>
internal sealed class ProviderMemberships(RegistrationDbContext db, IdentityClaims claims) : IRequestHandler<GetProviderMemberships, IReadOnlyList<ProviderMembership>>
{
    public async Task<IReadOnlyList<ProviderMembership>> Handle(GetProviderMemberships query, CancellationToken cancellationToken)
    {
        var verified = claims.Verified(ClaimKind.Npi);
        return await (from member in db.ProviderMembers.AsNoTracking()
                      join provider in db.Providers.AsNoTracking() on member.ProviderId equals provider.Id
                      where member.UserId == query.UserId && verified.Any(c => c.SubjectId == provider.Id)
                      orderby provider.Name
                      select new ProviderMembership(provider.Id, provider.Name, provider.Npi, provider.InMcoNetwork, member.IsAdministrator))
            .ToListAsync(cancellationToken);
    }
}
