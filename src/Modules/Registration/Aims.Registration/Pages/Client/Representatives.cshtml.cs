using System.Security.Claims;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Clients;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Aims.Registration.Pages.Client;

[Authorize(Roles = nameof(Role.ClientAppellant))]
internal sealed class RepresentativesModel(IMediator mediator, RegistrationDbContext db, TimeProvider time, IStringLocalizer<RegistrationText> t) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public IReadOnlyList<ClientRepresentative> Linked { get; private set; } = [];

    public IReadOnlyList<ClientRepresentativeInvitation> Pending { get; private set; } = [];

    public bool HasProfile { get; private set; }

    public string? Refusal { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await mediator.SendFormAsync(new InviteRepresentative(UserId, Email), ModelState, "", cancellationToken))
            {
                TempData["Notice"] = t["We emailed an invitation to {0}. It works for {1} days.", Email!.Trim(), Invitations.Lifetime.Days].Value;
                return RedirectToPage();
            }
        }
        catch (RuleViolationException refused)
        {
            Refusal = refused.On(HttpContext);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid representative, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new UnlinkRepresentative(UserId, representative), cancellationToken))
        {
            TempData["Notice"] = "Your representative no longer sees or acts on your appeals.";
        }

        return RedirectToPage();
    }

    /// <summary>Days a representative has to prove authority, as the Appeals rules count them.</summary>
    public int AuthorityProofDays { get; private set; }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        AuthorityProofDays = (await mediator.Send(new GetFilingRules(), cancellationToken)).AuthorityProofDays;
        HasProfile = await db.ClientProfiles.AnyAsync(p => p.UserId == UserId, cancellationToken);
        Linked = await db.ClientRepresentatives.AsNoTracking().Where(r => r.ClientUserId == UserId).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Pending = await db.ClientRepresentativeInvitations.AsNoTracking()
            .Where(i => i.ClientUserId == UserId && i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email).ToListAsync(cancellationToken);
    }
}
