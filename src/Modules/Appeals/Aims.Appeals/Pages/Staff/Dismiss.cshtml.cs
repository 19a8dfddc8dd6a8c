using Aims.Appeals.Cases;
using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.WorkIntakeQueue))]
internal sealed class DismissModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public DismissalReason? Reason { get; set; }

    [BindProperty]
    public string? Explanation { get; set; }

    public static IReadOnlyList<Choice> Reasons { get; } =
        Enum.GetValues<DismissalReason>().Select(r => new Choice(r.ToString(), AppealLabels.Dismissal(r))).ToList();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new DismissAppeal(Actor, id, SeenVersion, Reason, Explanation), cancellationToken);
}
