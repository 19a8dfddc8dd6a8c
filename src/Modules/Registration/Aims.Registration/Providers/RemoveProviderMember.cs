using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Providers;

/// <summary>
/// An administrator removes someone from the provider: they stop seeing its appeals at once (Appeals reads memberships
/// live). The last administrator cannot be removed, so the provider always has someone to invite and edit.
/// </summary>
internal sealed record RemoveProviderMember(Guid ProviderId, Guid AdministratorId, Guid MemberId) : ICommand<string>;

internal sealed class RemoveProviderMemberHandler(RegistrationDbContext db) : IRequestHandler<RemoveProviderMember, string>
{
    public async Task<string> Handle(RemoveProviderMember command, CancellationToken cancellationToken)
    {
        var members = await db.ProviderMembers.Where(m => m.ProviderId == command.ProviderId).ToListAsync(cancellationToken);
        if (!members.Any(m => m.UserId == command.AdministratorId && m.IsAdministrator) || members.SingleOrDefault(m => m.UserId == command.MemberId) is not { } member)
        {
            throw new NotFoundException("There is no such person among those acting for a provider you administer.");
        }

        if (member.IsAdministrator && members.Count(m => m.IsAdministrator) == 1)
        {
            throw new RuleViolationException("{0} is the provider's only administrator and cannot be removed.", member.Name);
        }

        db.ProviderMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return member.Name;
    }
}
