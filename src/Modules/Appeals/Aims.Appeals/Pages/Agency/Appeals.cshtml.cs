using System.Security.Claims;
using Aims.Appeals.Pages.Appeals;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Aims.Appeals.Pages.Agency;

/// <summary>An agency coordinator's home: the open appeals assigned to their agency, and nothing else.</summary>
[Authorize(Policy = nameof(Permission.SeeAgencyAppeals))]
internal sealed class AppealsModel(IMediator mediator) : AgencyAppealListModel(mediator)
{
    public override bool Closed => false;

    public override string Path => "/agency/appeals";
}

/// <summary>The agency's closed cases: decided, dismissed and withdrawn appeals that were assigned to it.</summary>
[Authorize(Policy = nameof(Permission.SeeAgencyAppeals))]
internal sealed class ClosedModel(IMediator mediator) : AgencyAppealListModel(mediator)
{
    public override bool Closed => true;

    public override string Path => "/agency/appeals/closed";
}

/// <summary>An agency's list, open or closed, headed with the agency's name.</summary>
internal abstract class AgencyAppealListModel(IMediator mediator) : AppealListModel(mediator)
{
    public AgencySummary? Agency { get; private set; }

    protected override async Task OnLoadedAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(User.FindFirstValue(AimsClaimTypes.AgencyId), out var agencyId))
        {
            Agency = await Mediator.Send(new GetAgency(agencyId), cancellationToken);
        }
    }
}
