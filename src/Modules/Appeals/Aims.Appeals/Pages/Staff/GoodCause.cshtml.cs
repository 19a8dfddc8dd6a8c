using Aims.Appeals.Cases;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.ScheduleHearings))]
internal sealed class GoodCauseModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public string? Reason { get; set; }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new AcceptGoodCause(Actor, id, SeenVersion, Reason), cancellationToken);
}
