using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Providers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Aims.Registration.Pages.Providers;

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class NewModel(IMediator mediator, ILogger<NewModel> logger) : PageModel
{
    [BindProperty]
    public ProviderDetailsForm Form { get; set; } = new();

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (id, failed) = await mediator.SendFormAsync(
            new CreateProviderProfile(
                Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), User.FindFirstValue(AimsClaimTypes.DisplayName) ?? User.Identity!.Name!, User.FindFirstValue(ClaimTypes.Email)!,
                Form),
            ModelState, "", logger, cancellationToken);
        Failed = failed;
        if (id == Guid.Empty)
        {
            return Page();
        }

        TempData["Notice"] = "Provider profile created. You administer it: invite your colleagues below. The NPI is checked before anyone sees the provider's appeals.";
        return RedirectToPage("/Providers/Provider", new { id });
    }
}
