using Aims.BuildingBlocks.Mediation;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Clients;

/// <summary>The client unlinks a representative, who stops acting on the client's appeals at once.</summary>
internal sealed record UnlinkRepresentative(Guid ClientUserId, Guid RepresentativeUserId) : ICommand<bool>;

internal sealed class UnlinkRepresentativeHandler(RegistrationDbContext db) : IRequestHandler<UnlinkRepresentative, bool>
{
    public async Task<bool> Handle(UnlinkRepresentative command, CancellationToken cancellationToken) =>
        await db.ClientRepresentatives.Where(r => r.ClientUserId == command.ClientUserId && r.RepresentativeUserId == command.RepresentativeUserId)
            .ExecuteDeleteAsync(cancellationToken) == 1;
}
