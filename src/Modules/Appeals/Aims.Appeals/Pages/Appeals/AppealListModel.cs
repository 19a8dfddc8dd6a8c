using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>
/// What the appeal lists share ("My appeals", closed cases, the agency's open and closed lists): the filter, search,
/// sort and page a person asks for in the address, and the page of appeals that answers it (ADR 0037).
/// </summary>
internal abstract class AppealListModel(IMediator mediator) : PageModel
{
    protected IMediator Mediator { get; } = mediator;

    public static readonly AppealStatus[] OpenStatuses = [AppealStatus.Filed, AppealStatus.Docketed, AppealStatus.Scheduled, AppealStatus.RecommendedDecision];

    public static readonly AppealStatus[] ClosedStatuses = [AppealStatus.Decided, AppealStatus.Withdrawn, AppealStatus.Dismissed];

    [BindProperty(SupportsGet = true)]
    public AppealKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public AppealStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public AppealSort? Sort { get; set; }

    /// <summary>The order asked for, or the list's own: open appeals by what is due next, closed ones newest first.</summary>
    public AppealSort Order => Sort ?? (Closed ? AppealSort.Newest : AppealSort.NextDeadline);

    [BindProperty(SupportsGet = true, Name = "q")]
    [StringLength(100, ErrorMessage = "Search with at most 100 characters.")]
    public string? Search { get; set; }

    // From the query only: Razor Pages keep the page's own path in the route value "page", which would be bound first.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    [Range(1, 10_000, ErrorMessage = "Ask for a page from 1 to 10,000.")]
    public int PageNumber { get; set; } = 1;

    public AppealListPage Result { get; private set; } = new([], 0, 1);

    /// <summary>True for the lists of closed appeals, whose statuses and default order differ.</summary>
    public abstract bool Closed { get; }

    /// <summary>Where the list lives, for the links that change its page.</summary>
    public abstract string Path { get; }

    public IReadOnlyList<AppealStatus> Statuses => Closed ? ClosedStatuses : OpenStatuses;

    public bool Filtered => Kind is not null || Status is not null || !string.IsNullOrWhiteSpace(Search);

    /// <summary>This list's address with the same filters on another page.</summary>
    public string PageUrl(int page) => Path + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["Kind"] = Kind?.ToString(), ["Status"] = Status?.ToString(), ["Sort"] = Order.ToString(), ["q"] = Search, ["page"] = page.ToString(),
    }.Where(pair => !string.IsNullOrEmpty(pair.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A status of the other list (a closed status on the open list) would always match nothing: it is not offered, so it is not applied.
        if (Status is { } status && !Statuses.Contains(status))
        {
            Status = null;
        }

        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        // Bad page numbers or an over-long search are named beside their fields by the page; the list falls back to its first page.
        var valid = ModelState.IsValid;
        Result = await Mediator.Send(
            new ListAppeals(userId, Closed, Kind, Status, Order, valid ? Search : null, valid ? PageNumber : 1), cancellationToken);
        await OnLoadedAsync(userId, cancellationToken);
    }

    /// <summary>What a list page adds (drafts, the agency's name).</summary>
    protected virtual Task OnLoadedAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;
}
