using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Providers;

/// <summary>
/// Accepting an invitation to act for a provider: only by the invited address, within 7 days, once. A provider
/// representative accepts invitations from each provider they act for.
/// </summary>
internal sealed record AcceptProviderInvitation(string? Token, Guid UserId, string UserName, string UserEmail) : ICommand<InvitationAnswer>;

internal sealed class AcceptProviderInvitationHandler(RegistrationDbContext db, IOutbox bus, TimeProvider time) : IRequestHandler<AcceptProviderInvitation, InvitationAnswer>
{
    public async Task<InvitationAnswer> Handle(AcceptProviderInvitation command, CancellationToken cancellationToken)
    {
        var (answer, invitation) = await Invitations.FindAsync(db.ProviderInvitations, command.Token, command.UserEmail, time.GetUtcNow(), cancellationToken);
        if (answer != InvitationAnswer.Joined)
        {
            return answer;
        }

        invitation!.AcceptedAt = time.GetUtcNow();
        if (await db.ProviderMembers.AnyAsync(m => m.ProviderId == invitation.ProviderId && m.UserId == command.UserId, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            return InvitationAnswer.AlreadyMember;
        }

        db.ProviderMembers.Add(new ProviderMember
        {
            ProviderId = invitation.ProviderId, UserId = command.UserId, Name = command.UserName, Email = command.UserEmail, IsAdministrator = false, JoinedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await bus.PublishAsync(new ProviderMemberAdded(invitation.ProviderId, command.UserId, IsAdministrator: false), cancellationToken);
        return InvitationAnswer.Joined;
    }
}
