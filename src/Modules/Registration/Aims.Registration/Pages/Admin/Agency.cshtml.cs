using System.Security.Claims;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.Identity.Contracts;
using Aims.Registration.Agencies;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

/// <summary>One agency: its address and coordinators; an administrator deactivates a coordinator who has left.</summary>
internal sealed record DeactivateCoordinator(Guid AgencyId, Guid UserId, Guid AdministratorId) : ICommand<string>;

internal sealed class DeactivateCoordinatorHandler(RegistrationDbContext db, IMessageBus bus, TimeProvider time) : IRequestHandler<DeactivateCoordinator, string>
{
    public async Task<string> Handle(DeactivateCoordinator command, CancellationToken cancellationToken)
    {
        var coordinator = await db.Coordinators.SingleOrDefaultAsync(c => c.UserId == command.UserId && c.AgencyId == command.AgencyId, cancellationToken)
            ?? throw new NotFoundException("That person is not a coordinator of this agency.");
        if (coordinator.DeactivatedAt is not null)
        {
            throw new ConcurrencyException($"{coordinator.Name} was already deactivated.");
        }

        coordinator.DeactivatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await bus.PublishAsync(new CoordinatorDeactivated(coordinator.UserId, coordinator.AgencyId, command.AdministratorId), cancellationToken);
        return coordinator.Name;
    }
}

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
