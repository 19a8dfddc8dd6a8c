using Aims.Identity.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Aims.Identity.Accounts;

namespace Aims.Identity.Pages.Profile;

/// <summary>The account's own security events, newest first: sign-ins, failures, codes, changes.</summary>
[Authorize]
internal sealed class ActivityModel(SecurityAudit audit, UserManager<AimsUser> users) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SecurityEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(PageNumber, 1);
        Events = await audit.ForUserAsync(Guid.Parse(users.GetUserId(User)!), PageNumber, PageSize, cancellationToken);
    }
}
