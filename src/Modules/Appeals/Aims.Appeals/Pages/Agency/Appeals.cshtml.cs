using System.Security.Claims;
using Aims.Appeals.Access;
using Aims.Appeals.Contracts;
using Aims.Appeals.Persistence;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Pages.Agency;

/// <summary>
/// An agency coordinator's home: the appeals assigned to their agency, and nothing else. The list fills as appeals
/// name the agency (the appeals issues); until then it says there are none.
/// </summary>
[Authorize(Policy = nameof(Permission.SeeAgencyAppeals))]
internal sealed class AppealsModel(IMediator mediator, AppealsDbContext db) : PageModel
{
    public AgencySummary? Agency { get; private set; }

    public IReadOnlyList<AppealAccessEntry> Appeals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Guid.TryParse(User.FindFirstValue(AimsClaimTypes.AgencyId), out var agencyId))
        {
            Agency = await mediator.Send(new GetAgency(agencyId), cancellationToken);
        }

        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Appeals = await db.AppealAccess.AsNoTracking()
            .Where(a => a.UserId == userId && a.Party == AppealParty.AgencyCoordinator)
            .OrderBy(a => a.AppealId)
            .ToListAsync(cancellationToken);
    }
}
