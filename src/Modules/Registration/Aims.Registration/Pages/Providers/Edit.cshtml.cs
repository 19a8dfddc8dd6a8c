using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using Aims.Registration.Providers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Aims.Registration.Pages.Providers;

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class EditModel(IMediator mediator, RegistrationDbContext db, ILogger<EditModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ProviderDetailsForm Form { get; set; } = new();

    public string Npi { get; private set; } = "";

    public bool Failed { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AdministeredAsync(cancellationToken) is not { } provider)
        {
            return NotFound();
        }

        Form = ProviderDetailsForm.From(provider);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AdministeredAsync(cancellationToken) is null)
        {
            return NotFound();
        }

        var (saved, failed) = await mediator.SendFormAsync(new UpdateProviderProfile(Id, UserId, Form), ModelState, "", logger, cancellationToken);
        Failed = failed;
        if (!saved)
        {
            return Page();
        }

        TempData["Notice"] = "The provider's profile is updated.";
        return RedirectToPage("/Providers/Provider", new { id = Id });
    }

    private async Task<Provider?> AdministeredAsync(CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(
            p => p.Id == Id && db.ProviderMembers.Any(m => m.ProviderId == p.Id && m.UserId == UserId && m.IsAdministrator), cancellationToken);
        Npi = provider?.Npi ?? "";
        return provider;
    }
}
