using System.Security.Claims;
using System.Text;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Time;
using Aims.Documents.Contracts;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>
/// One appeal for the people taking part (anyone else gets 404), with its history read from its events; division staff
/// also see the case work, agency coordinators what their agency owes.
/// </summary>
[Authorize]
internal sealed class DetailModel(IMediator mediator, BusinessCalendar calendar, TimeProvider time, IStringLocalizer<AppealsText> t) : PageModel
{
    public AppealView View { get; private set; } = null!;

    public Appeal Appeal => View.Appeal;

    public AppealDocuments Documents { get; private set; } = null!;

    public bool CanWithdraw => View.Access.CanAct && Appeal.Status is AppealStatus.Filed or AppealStatus.Docketed or AppealStatus.Scheduled or AppealStatus.RecommendedDecision;

    public bool IsStaff => View.Access.Party == AppealParty.AssignedStaff;

    public bool IsAgency => View.Access.Party == AppealParty.AgencyCoordinator;

    public DateOnly Today => calendar.Today();

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Whether the signed-in member of staff holds a permission, to offer only the actions they may take.</summary>
    public bool May(Permission permission) => AccessTable.RolesWith[permission].Any(role => User.IsInRole(role.ToString()));

    public bool CanFileFormal => View.Access.CanAct && Appeal.Kind == AppealKind.ProviderInformal
        && Appeal.InformalDecision is not null && Appeal.FormalAppeal is null;

    public (string Url, string Text) BackLink => View.Access.Party == AppealParty.AgencyCoordinator ? ("/agency/appeals", t["Back to your agency's appeals"])
        : View.Access.Party == AppealParty.AssignedStaff ? ("/", t["Back to the home page"])
        : Appeal.IsClosed ? ("/appeals/closed", t["Back to closed cases"]) : ("/appeals", t["Back to my appeals"]);

    public string ActionLabel => AppealChoices.ActionLabel(Appeal, t);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        Documents = (await mediator.Send(new ListAppealDocuments(id, Viewer), cancellationToken))!;
        return Page();
    }

    /// <summary>A decision as a text file named for the case, for the appellant's records.</summary>
    public async Task<IActionResult> OnGetDecisionAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (number < 1 || number > View.Decisions.Count)
        {
            return NotFound();
        }

        var decision = View.Decisions[number - 1];
        var text = $"{Appeal.CaseNumber}: {decision.Level} decision of {decision.DecidedOn:MM/dd/yyyy}\r\nOutcome: {decision.Outcome}\r\n\r\n{decision.Text}\r\n";
        return File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"{Appeal.CaseNumber}-decision-{number}.txt");
    }

    private Guid Viewer => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetAppeal(Viewer, id), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return null;
    }
}
