using Aims.Appeals.Cases;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.ScheduleHearings))]
internal sealed class RescheduleModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public HearingForm Form { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool? AppellantRequested { get; set; }

    [BindProperty]
    public string? CompellingReason { get; set; }

    public static IReadOnlyList<Choice> WhoAsked { get; } =
        [new("true", "The appellant asked", "Counted; on a client appeal the days between the dates are added to the decision clock."), new("false", "The division or the agency")];

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new RescheduleHearing(Actor, id, SeenVersion, Form, Reason, AppellantRequested, CompellingReason), cancellationToken);
}
