using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.Notifications.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Clients;

/// <summary>
/// A client invites an authorized representative (emailed, 7 days, that address, once), who then acts on the client's
/// appeals until unlinked, with effect at once.
/// </summary>
internal sealed record InviteRepresentative(Guid ClientUserId, string? Email) : ICommand<bool>;

internal sealed class InviteRepresentativeValidator : AbstractValidator<InviteRepresentative>
{
    public InviteRepresentativeValidator() => RuleFor(c => c.Email).InvitedEmail();
}

internal sealed class InviteRepresentativeHandler(RegistrationDbContext db, IOutgoingMail mail, RegistrationEmails emails, IMediator mediator, TimeProvider time)
    : IRequestHandler<InviteRepresentative, bool>
{
    public async Task<bool> Handle(InviteRepresentative command, CancellationToken cancellationToken)
    {
        var client = await db.ClientProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == command.ClientUserId, cancellationToken)
            ?? throw new RuleViolationException("Fill in your details first: your representative acts on appeals under your Medicaid ID.");
        var email = command.Email!.Trim();
        if (await db.ClientRepresentatives.AnyAsync(r => r.ClientUserId == client.UserId && r.Email.ToUpper() == email.ToUpperInvariant(), cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(InviteRepresentative.Email), "This person already represents you.")]);
        }

        var invitation = new ClientRepresentativeInvitation { ClientUserId = client.UserId };
        var token = invitation.Issue(email, time.GetUtcNow());
        db.ClientRepresentativeInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var proofDays = (await mediator.Send(new GetFilingRules(), cancellationToken)).AuthorityProofDays;
        await mail.QueueAsync(
            emails.RepresentativeInvitation(invitation.Email, client.FullName, "/client/representatives/join?token=" + token, invitation.ExpiresAt, proofDays), cancellationToken);
        return true;
    }
}
