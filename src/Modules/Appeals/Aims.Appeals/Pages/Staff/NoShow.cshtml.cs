using Aims.Appeals.Cases;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.ScheduleHearings))]
internal sealed class NoShowModel(IMediator mediator) : CaseActionPage(mediator)
{
    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new RecordNoShow(Actor, id, SeenVersion), cancellationToken);
}
