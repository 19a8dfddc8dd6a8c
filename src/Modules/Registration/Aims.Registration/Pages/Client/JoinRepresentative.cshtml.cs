using System.Security.Claims;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Contracts;
using Aims.Registration.Clients;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Client;

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

[Authorize(Roles = nameof(Role.AuthorizedRepresentative))]
internal sealed class JoinRepresentativeModel(IMediator mediator, RegistrationDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public InvitationAnswer Answer { get; private set; }

    public string? ClientName { get; private set; }

    private string Email => User.FindFirstValue(ClaimTypes.Email)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (answer, invitation) = await Invitations.FindAsync(db.ClientRepresentativeInvitations, Token, Email, time.GetUtcNow(), cancellationToken);
        Answer = answer;
        if (invitation is not null && answer == InvitationAnswer.Joined)
        {
            ClientName = await db.ClientProfiles.Where(p => p.UserId == invitation.ClientUserId).Select(p => p.FullName).SingleAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var name = User.FindFirstValue(AimsClaimTypes.DisplayName) ?? User.Identity!.Name!;
        Answer = await mediator.Send(new AcceptRepresentation(Token, userId, name, Email), cancellationToken);
        if (Answer is InvitationAnswer.Joined or InvitationAnswer.AlreadyMember)
        {
            TempData["Notice"] = "You now represent this client: their appeals are in My appeals.";
            return Redirect("/appeals");
        }

        return Page();
    }
}
