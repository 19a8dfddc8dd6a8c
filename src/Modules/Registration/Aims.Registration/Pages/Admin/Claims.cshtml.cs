using Aims.BuildingBlocks.Time;
using Aims.Identity.Contracts;
using Aims.Registration.Claims;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

/// <summary>
/// The identity-claim review queue (ADR 0029): Medicaid IDs and NPIs waiting for verification, oldest first, with their
/// age in business days (2 or more marked, like access requests) and who claims them.
/// </summary>
[Authorize(Policy = nameof(Permission.ReviewIdentityClaims))]
internal sealed class ClaimsModel(RegistrationDbContext db, IMediator mediator, BusinessCalendar calendar) : PageModel
{
    public IReadOnlyList<(IdentityClaim Claim, string Claimant, int Age)> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pending = await db.IdentityClaims.AsNoTracking().Where(c => c.Status == ClaimStatus.Pending)
            .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var people = (await mediator.Send(new GetPersonContacts(pending.Select(c => c.ClaimantId).ToList()), cancellationToken))
            .ToDictionary(p => p.UserId, p => $"{p.Name} ({p.Email})");
        var today = calendar.Today();
        Pending = pending.Select(c => (c, people.GetValueOrDefault(c.ClaimantId, "an account no longer active"), RegistrationsModel.AgeInBusinessDays(calendar, c.SubmittedAt, today)))
            .ToList();
    }
}
