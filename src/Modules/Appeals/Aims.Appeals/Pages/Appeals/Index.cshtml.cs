using System.Security.Claims;
using Aims.Appeals.Drafts;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>"My appeals": the open appeals a person takes part in, filtered, searched, sorted and paged, and their saved drafts.</summary>
[Authorize(Policy = nameof(Permission.FollowOwnAppeals))]
internal sealed class IndexModel(IMediator mediator, IAuthorizationService authorization) : AppealListModel(mediator)
{
    public override bool Closed => false;

    public override string Path => "/appeals";

    public IReadOnlyList<DraftItem> Drafts { get; private set; } = [];

    public bool CanFileProviderAppeals { get; private set; }

    public bool CanFileClientAppeals { get; private set; }

    protected override async Task OnLoadedAsync(Guid userId, CancellationToken cancellationToken)
    {
        Drafts = await Mediator.Send(new ListDrafts(userId), cancellationToken);
        CanFileProviderAppeals = (await authorization.AuthorizeAsync(User, nameof(Permission.FileProviderAppeals))).Succeeded;
        CanFileClientAppeals = (await authorization.AuthorizeAsync(User, nameof(Permission.FileClientAppeals))).Succeeded;
    }
}
