using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Claims;
using Aims.Registration.Persistence;
using Aims.Registration.Rosters;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

[Authorize(Policy = nameof(Permission.ReviewIdentityClaims))]
internal sealed class RostersModel(IMediator mediator, RegistrationDbContext db) : PageModel
{
    public IFormFile? MemberFile { get; set; }

    public IFormFile? ProviderFile { get; set; }

    public int Members { get; private set; }

    public int Providers { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await CountAsync(cancellationToken);

    public Task<IActionResult> OnPostMembersAsync(IFormFile? memberFile, CancellationToken cancellationToken) =>
        ImportAsync(RosterKind.Members, memberFile, nameof(MemberFile), cancellationToken);

    public Task<IActionResult> OnPostProvidersAsync(IFormFile? providerFile, CancellationToken cancellationToken) =>
        ImportAsync(RosterKind.Providers, providerFile, nameof(ProviderFile), cancellationToken);

    private async Task<IActionResult> ImportAsync(RosterKind kind, IFormFile? file, string field, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(field, "Choose a CSV file to import.");
        }
        else if (file.Length > RosterFiles.MaxBytes)
        {
            ModelState.AddModelError(field, "The file is larger than 5 MB; split it and import each part.");
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var text = await reader.ReadToEndAsync(cancellationToken);
            var administrator = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            var count = await mediator.SendFormAsync(new ImportRoster(kind, Path.GetFileName(file.FileName), text, administrator), ModelState, "", cancellationToken);
            if (ModelState.IsValid)
            {
                TempData["Notice"] = $"Imported {count} {(kind == RosterKind.Members ? "members" : "providers")}.";
                return RedirectToPage();
            }
        }

        await CountAsync(cancellationToken);
        return Page();
    }

    private async Task CountAsync(CancellationToken cancellationToken)
    {
        Members = await db.MemberRoster.CountAsync(cancellationToken);
        Providers = await db.ProviderRoster.CountAsync(cancellationToken);
    }
}
