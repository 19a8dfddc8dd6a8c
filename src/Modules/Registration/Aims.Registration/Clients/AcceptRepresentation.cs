using Aims.BuildingBlocks.Mediation;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Clients;

/// <summary>A representative accepts a client's invitation: only by the invited address, within 7 days, once.</summary>
internal sealed record AcceptRepresentation(string? Token, Guid UserId, string UserName, string UserEmail) : ICommand<InvitationAnswer>;

internal sealed class AcceptRepresentationHandler(RegistrationDbContext db, TimeProvider time) : IRequestHandler<AcceptRepresentation, InvitationAnswer>
{
    public async Task<InvitationAnswer> Handle(AcceptRepresentation command, CancellationToken cancellationToken)
    {
        var (answer, invitation) = await Invitations.FindAsync(db.ClientRepresentativeInvitations, command.Token, command.UserEmail, time.GetUtcNow(), cancellationToken);
        if (answer != InvitationAnswer.Joined)
        {
            return answer;
        }

        invitation!.AcceptedAt = time.GetUtcNow();
        if (await db.ClientRepresentatives.AnyAsync(r => r.ClientUserId == invitation.ClientUserId && r.RepresentativeUserId == command.UserId, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            return InvitationAnswer.AlreadyMember;
        }

        db.ClientRepresentatives.Add(new ClientRepresentative
        {
            ClientUserId = invitation.ClientUserId, RepresentativeUserId = command.UserId, Name = command.UserName, Email = command.UserEmail, LinkedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return InvitationAnswer.Joined;
    }
}
