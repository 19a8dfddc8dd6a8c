using Aims.Appeals.Cases;
using Aims.Appeals.Decisions;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.WorkAssignedAppeals))]
internal sealed class DecideModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public DecisionForm Form { get; set; } = new();

    public IReadOnlyList<Choice> Outcomes => DecisionWords.Outcomes(Appeal.NextDecisionLevel).Select(o => new Choice(o, o)).ToList();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueDecision(Actor, id, SeenVersion, Form), cancellationToken);
}
