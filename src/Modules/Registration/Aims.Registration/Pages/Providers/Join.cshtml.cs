using System.Security.Claims;
using Aims.Identity.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Providers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Providers;

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class JoinModel(IMediator mediator, RegistrationDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public InvitationAnswer Answer { get; private set; }

    public string? ProviderName { get; private set; }

    private string Email => User.FindFirstValue(ClaimTypes.Email)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (answer, invitation) = await Invitations.FindAsync(db.ProviderInvitations, Token, Email, time.GetUtcNow(), cancellationToken);
        Answer = answer;
        if (invitation is not null && answer == InvitationAnswer.Joined)
        {
            ProviderName = await db.Providers.Where(p => p.Id == invitation.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var name = User.FindFirstValue(AimsClaimTypes.DisplayName) ?? User.Identity!.Name!;
        Answer = await mediator.Send(new AcceptProviderInvitation(Token, userId, name, Email), cancellationToken);
        if (Answer is InvitationAnswer.Joined or InvitationAnswer.AlreadyMember)
        {
            TempData["Notice"] = "You now act for this provider.";
            return RedirectToPage("/Providers/Index");
        }

        return Page();
    }
}
