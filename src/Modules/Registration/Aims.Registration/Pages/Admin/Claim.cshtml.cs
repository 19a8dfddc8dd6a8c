using System.Security.Claims;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Claims;
using Aims.Registration.Clients;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using Aims.Registration.Providers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

[Authorize(Policy = nameof(Permission.ReviewIdentityClaims))]
internal sealed class ClaimModel(IMediator mediator, RegistrationDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public IdentityClaim Claim { get; private set; } = null!;

    public PersonContact? Claimant { get; private set; }

    public ClientProfile? Client { get; private set; }

    public Provider? Provider { get; private set; }

    public IReadOnlyList<ProviderMember> Members { get; private set; } = [];

    public MemberRosterEntry? MemberRoster { get; private set; }

    public ProviderRosterEntry? ProviderRoster { get; private set; }

    /// <summary>Every claim ever made to the same identifier, newest first (this one included).</summary>
    public IReadOnlyList<IdentityClaim> History { get; private set; } = [];

    public string? Conflict { get; private set; }

    private Guid ReviewerId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DecideAsync(new ApproveClaim(Id, ReviewerId), "Verified. The claimant was emailed and now sees the appeals filed under it.", cancellationToken);

    public Task<IActionResult> OnPostDenyAsync(CancellationToken cancellationToken) =>
        DecideAsync(new DenyClaim(Id, Reason, ReviewerId), "Denied. The claimant was emailed the reason.", cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) =>
        DecideAsync(new RevokeClaim(Id, Reason, ReviewerId), "Revoked. Access under it ended and the claimant was emailed the reason.", cancellationToken);

    public Task<IActionResult> OnPostTransferAsync(CancellationToken cancellationToken) =>
        DecideAsync(new TransferAdministration(Id, Email, ReviewerId), "Administration transferred. Both sides were emailed.", cancellationToken);

    private async Task<IActionResult> DecideAsync(ICommand<bool> decision, string notice, CancellationToken cancellationToken)
    {
        try
        {
            if (await mediator.SendFormAsync(decision, ModelState, "", cancellationToken))
            {
                TempData["Notice"] = notice;
                return RedirectToPage(new { id = Id });
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConcurrencyException conflict)
        {
            Conflict = conflict.Message;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await db.IdentityClaims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id, cancellationToken) is not { } claim)
        {
            return false;
        }

        Claim = claim;
        Claimant = (await mediator.Send(new GetPersonContacts([claim.ClaimantId]), cancellationToken)).SingleOrDefault();
        History = await db.IdentityClaims.AsNoTracking().Where(c => c.Kind == claim.Kind && c.Identifier == claim.Identifier)
            .OrderByDescending(c => c.SubmittedAt).ToListAsync(cancellationToken);
        if (claim.Kind == ClaimKind.MedicaidId)
        {
            Client = await db.ClientProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == claim.SubjectId, cancellationToken);
            MemberRoster = await db.MemberRoster.AsNoTracking().SingleOrDefaultAsync(r => r.MedicaidId == claim.Identifier, cancellationToken);
        }
        else
        {
            Provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == claim.SubjectId, cancellationToken);
            Members = await db.ProviderMembers.AsNoTracking().Where(m => m.ProviderId == claim.SubjectId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
            ProviderRoster = await db.ProviderRoster.AsNoTracking().SingleOrDefaultAsync(r => r.Npi == claim.Identifier, cancellationToken);
        }

        return true;
    }
}
