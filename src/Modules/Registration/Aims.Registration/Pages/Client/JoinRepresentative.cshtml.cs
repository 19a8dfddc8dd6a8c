using System.Security.Claims;
using Aims.Identity.Contracts;
using Aims.Registration.Clients;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Client;

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
