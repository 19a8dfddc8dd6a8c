using System.Security.Claims;
using Aims.Appeals.Viewing;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>Closed cases: decided, dismissed and withdrawn appeals, newest first, read-only.</summary>
[Authorize(Policy = nameof(Permission.FollowOwnAppeals))]
internal sealed class ClosedModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AppealListItem> Appeals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Appeals = await mediator.Send(
            new ListAppeals(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), Closed: true, Sort: AppealSort.Newest), cancellationToken);
}
