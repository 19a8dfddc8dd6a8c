using Aims.Identity.Audit;
using Aims.Identity.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Identity.Pages.Admin;

/// <summary>Everyone's security events for appeals administrators, newest first, optionally for one email address.</summary>
[Authorize(Policy = nameof(Permission.SeeAllAuditRecords))]
internal sealed class SecurityEventsModel(SecurityAudit audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public IReadOnlyList<SecurityEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(PageNumber, 1);
        Events = await audit.EveryoneAsync(PageNumber, PageSize, cancellationToken, Email);
    }
}
