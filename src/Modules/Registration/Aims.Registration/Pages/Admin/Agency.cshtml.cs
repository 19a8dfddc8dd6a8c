using System.Security.Claims;
using Aims.Identity.Contracts;
using Aims.Registration.Agencies;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

[Authorize(Policy = nameof(Permission.ReviewAgencyRegistrations))]
internal sealed class AgencyModel(IMediator mediator, RegistrationDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Agency Agency { get; private set; } = null!;

    public IReadOnlyList<AgencyCoordinator> Coordinators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        Agency = agency;
        Coordinators = await db.Coordinators.AsNoTracking().Where(c => c.AgencyId == Id).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid userId, CancellationToken cancellationToken)
    {
        var name = await mediator.Send(new DeactivateCoordinator(Id, userId, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!)), cancellationToken);
        TempData["Notice"] = $"{name} is deactivated and signed out everywhere.";
        return RedirectToPage(new { id = Id });
    }
}
