using Aims.BuildingBlocks.Time;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

/// <summary>
/// The review queue: pending requests oldest first with their age in business days; those at the 2-day service level
/// or beyond stand out. Filter by agency type.
/// </summary>
[Authorize(Policy = nameof(Permission.ReviewAgencyRegistrations))]
internal sealed class RegistrationsModel(RegistrationDbContext db, BusinessCalendar calendar) : PageModel
{
    public const int ServiceLevelBusinessDays = 2;

    [BindProperty(SupportsGet = true)]
    public AgencyType? Type { get; set; }

    public IReadOnlyList<(AccessRequest Request, int Age)> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pending = db.AccessRequests.AsNoTracking().Where(r => r.Status == AccessRequestStatus.Pending);
        if (Type is { } type)
        {
            pending = pending.Where(r => r.AgencyType == type);
        }

        var today = calendar.Today();
        Pending = (await pending.OrderBy(r => r.SubmittedAt).ToListAsync(cancellationToken))
            .Select(r => (r, AgeInBusinessDays(calendar, r.SubmittedAt, today)))
            .ToList();
    }

    /// <summary>Business days since the request came in, not counting the day it came in.</summary>
    public static int AgeInBusinessDays(BusinessCalendar calendar, DateTimeOffset submittedAt, DateOnly today) =>
        calendar.BusinessDaysBetween(calendar.ToLocalDate(submittedAt), today);
}
