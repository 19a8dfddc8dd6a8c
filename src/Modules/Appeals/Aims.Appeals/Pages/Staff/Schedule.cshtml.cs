using Aims.Appeals.Cases;
using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.ScheduleHearings))]
internal sealed class ScheduleModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public HearingForm Form { get; set; } = new();

    public static IReadOnlyList<Choice> Channels { get; } =
        Enum.GetValues<HearingChannel>().Select(c => new Choice(c.ToString(), AppealLabels.Channel(c))).ToList();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ScheduleHearing(Actor, id, SeenVersion, Form), cancellationToken);
}
