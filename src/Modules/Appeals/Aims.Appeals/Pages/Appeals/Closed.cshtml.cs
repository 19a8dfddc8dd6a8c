using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>Closed cases: decided, dismissed and withdrawn appeals, newest first, read-only.</summary>
[Authorize(Policy = nameof(Permission.FollowOwnAppeals))]
internal sealed class ClosedModel(IMediator mediator) : AppealListModel(mediator)
{
    public override bool Closed => true;

    public override string Path => "/appeals/closed";
}
