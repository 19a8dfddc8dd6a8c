using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Providers;

/// <summary>The providers a user acts for, for the modules that file appeals in a provider's name.</summary>
internal sealed class ProviderMemberships(RegistrationDbContext db) : IRequestHandler<GetProviderMemberships, IReadOnlyList<ProviderMembership>>
{
    public async Task<IReadOnlyList<ProviderMembership>> Handle(GetProviderMemberships query, CancellationToken cancellationToken) =>
        await (from member in db.ProviderMembers.AsNoTracking()
               join provider in db.Providers.AsNoTracking() on member.ProviderId equals provider.Id
               where member.UserId == query.UserId
               orderby provider.Name
               select new ProviderMembership(provider.Id, provider.Name, provider.Npi, provider.InMcoNetwork, member.IsAdministrator))
            .ToListAsync(cancellationToken);
}
