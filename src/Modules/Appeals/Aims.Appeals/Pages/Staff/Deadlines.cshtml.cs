using System.Security.Claims;
using Aims.Appeals.Caseload;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.WorkAssignedAppeals))]
internal sealed class DeadlinesModel(IMediator mediator) : PageModel
{
    /// <summary>"mine" for the signed-in person's cases; anything else for the whole team.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Within { get; set; } = 14;

    public DeadlineBoard Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Guid? mine = Show == "mine" ? Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!) : null;
        Board = await mediator.Send(new ListDeadlines(mine, Within), cancellationToken);
    }
}
