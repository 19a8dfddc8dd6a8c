using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Host.Pages;

/// <summary>
/// The header's language switch: remembers the choice on this browser and, for a signed-in person, on their account (so
/// the emails composed for them later are in it, ADR 0025), and goes back to the page it was made on.
/// </summary>
[AllowAnonymous]
public sealed class LanguageModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken cancellationToken)
    {
        if (PortalLanguages.Named(language) is { } chosen)
        {
            PortalLanguages.Remember(HttpContext, chosen);
            if (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                await mediator.Send(new RememberLanguage(userId, chosen.TwoLetterISOLanguageName), cancellationToken);
            }
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
