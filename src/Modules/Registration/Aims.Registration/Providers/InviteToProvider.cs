using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.Notifications.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Providers;

/// <summary>
/// A provider's administrator invites a colleague or representative by email: for that address only, 7 days, once.
/// Anyone who does not administer the provider gets a 404, which reveals nothing.
/// </summary>
internal sealed record InviteToProvider(Guid ProviderId, Guid InviterId, string InviterName, string? Email) : ICommand<bool>;

internal sealed class InviteToProviderValidator : AbstractValidator<InviteToProvider>
{
    public InviteToProviderValidator() => RuleFor(c => c.Email).InvitedEmail();
}

internal sealed class InviteToProviderHandler(RegistrationDbContext db, IOutgoingMail mail, RegistrationEmails emails, TimeProvider time) : IRequestHandler<InviteToProvider, bool>
{
    public async Task<bool> Handle(InviteToProvider command, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.ProviderId, cancellationToken);
        if (provider is null || !await db.ProviderMembers.AnyAsync(m => m.ProviderId == command.ProviderId && m.UserId == command.InviterId && m.IsAdministrator, cancellationToken))
        {
            throw new NotFoundException("There is no such provider among those you administer.");
        }

        var email = command.Email!.Trim();
        if (await db.ProviderMembers.AnyAsync(m => m.ProviderId == provider.Id && m.Email.ToUpper() == email.ToUpperInvariant(), cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(InviteToProvider.Email), "This person already acts for the provider.")]);
        }

        var invitation = new ProviderInvitation { ProviderId = provider.Id, InvitedBy = command.InviterId };
        var token = invitation.Issue(email, time.GetUtcNow());
        db.ProviderInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        await mail.QueueAsync(emails.ProviderInvitation(invitation.Email, command.InviterName, provider.Name, "/providers/join?token=" + token, invitation.ExpiresAt), cancellationToken);
        return true;
    }
}
