using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Identity.Pages.Account;

/// <summary>
/// "Stay signed in" from the idle warning (ADR 0038): any signed-in request renews the sliding session cookie, so this
/// answers 204 and nothing else; a session that has already ended answers 401.
/// </summary>
[Authorize]
internal sealed class SessionModel : PageModel
{
    public IActionResult OnGet() => new NoContentResult();
}
