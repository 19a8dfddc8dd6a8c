using Aims.Appeals.Cases;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.WorkIntakeQueue))]
internal sealed class DocketModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public string? GoodCause { get; set; }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new DocketAppeal(Actor, id, SeenVersion, GoodCause), cancellationToken);
}
