using System.Security.Claims;
using Aims.Appeals.Viewing;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Agency;

/// <summary>An agency coordinator's home: the open appeals that name their agency, and nothing else.</summary>
[Authorize(Policy = nameof(Permission.SeeAgencyAppeals))]
internal sealed class AppealsModel(IMediator mediator) : PageModel
{
    public AgencySummary? Agency { get; private set; }

    public IReadOnlyList<AppealListItem> Appeals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Guid.TryParse(User.FindFirstValue(AimsClaimTypes.AgencyId), out var agencyId))
        {
            Agency = await mediator.Send(new GetAgency(agencyId), cancellationToken);
        }

        Appeals = await mediator.Send(new ListAppeals(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), Closed: false), cancellationToken);
    }
}
