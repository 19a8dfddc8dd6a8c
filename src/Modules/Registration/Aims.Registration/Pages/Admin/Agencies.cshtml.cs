using Aims.Identity.Contracts;
using Aims.Registration.Agencies;
using Aims.Registration.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

/// <summary>Every agency and contractor with how many active coordinators it has.</summary>
[Authorize(Policy = nameof(Permission.ReviewAgencyRegistrations))]
internal sealed class AgenciesModel(RegistrationDbContext db) : PageModel
{
    public IReadOnlyList<(Agency Agency, int ActiveCoordinators)> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var active = await db.Coordinators.AsNoTracking().Where(c => c.DeactivatedAt == null)
            .GroupBy(c => c.AgencyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Agencies = agencies.Select(a => (a, active.GetValueOrDefault(a.Id))).ToList();
    }
}
