using Aims.Appeals.Model;
using Aims.Appeals.Requests;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

/// <summary>Grants or refuses what the appellant asked for online, with the reason they are told (ADR 0038).</summary>
[Authorize(Policy = nameof(Permission.WorkAssignedAppeals))]
internal sealed class AnswerModel(IMediator mediator) : CaseActionPage(mediator)
{
    public static IReadOnlyList<Choice> Outcomes { get; } = [new("true", "Grant"), new("false", "Refuse")];

    [BindProperty]
    public bool? Granted { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [FromRoute]
    public Guid RequestId { get; set; }

    public DivisionRequest? Asked => Appeal.Requests.FirstOrDefault(r => r.Id == RequestId);

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new AnswerDivisionRequest(Actor, id, RequestId, SeenVersion, Granted, Reason), cancellationToken);
}
