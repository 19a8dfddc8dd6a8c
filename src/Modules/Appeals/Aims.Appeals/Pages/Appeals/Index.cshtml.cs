using System.Security.Claims;
using Aims.Appeals.Contracts;
using Aims.Appeals.Drafts;
using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>"My appeals": the open appeals a person takes part in, filtered and sorted, and their saved drafts.</summary>
[Authorize(Policy = nameof(Permission.FollowOwnAppeals))]
internal sealed class IndexModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AppealKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public AppealStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public AppealSort Sort { get; set; }

    public IReadOnlyList<AppealListItem> Appeals { get; private set; } = [];

    public IReadOnlyList<DraftItem> Drafts { get; private set; } = [];

    public bool CanFileProviderAppeals { get; private set; }

    public bool CanFileClientAppeals { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Appeals = await mediator.Send(new ListAppeals(userId, Closed: false, Kind, Status, Sort), cancellationToken);
        Drafts = await mediator.Send(new ListDrafts(userId), cancellationToken);
        CanFileProviderAppeals = (await authorization.AuthorizeAsync(User, nameof(Permission.FileProviderAppeals))).Succeeded;
        CanFileClientAppeals = (await authorization.AuthorizeAsync(User, nameof(Permission.FileClientAppeals))).Succeeded;
    }
}
