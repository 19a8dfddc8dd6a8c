using Aims.Appeals.Caseload;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.WorkIntakeQueue))]
internal sealed class IntakeModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResult Result { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await mediator.Send(new ListIntake(PageNumber), cancellationToken);
}
