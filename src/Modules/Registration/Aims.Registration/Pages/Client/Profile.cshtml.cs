using System.Globalization;
using System.Security.Claims;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Claims;
using Aims.Registration.Clients;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Aims.Registration.Pages.Client;

[Authorize(Roles = nameof(Role.ClientAppellant))]
internal sealed class ProfileModel(IMediator mediator, RegistrationDbContext db, IdentityClaims claims, ILogger<ProfileModel> logger) : PageModel
{
    /// <summary>Where the claim to the profile's Medicaid ID stands; null before the first save.</summary>
    public IdentityClaim? Claim { get; private set; }

    [BindProperty]
    public ClientForm Form { get; set; } = new();

    public bool Failed { get; private set; }

    public bool Exists { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await db.ClientProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == UserId, cancellationToken);
        Exists = profile is not null;
        Claim = await claims.LatestAsync(ClaimKind.MedicaidId, UserId, cancellationToken);
        if (profile is not null)
        {
            Form = new ClientForm
            {
                FullName = profile.FullName, DateOfBirth = profile.DateOfBirth.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), MedicaidId = profile.MedicaidId,
                Street = profile.Street, City = profile.City, State = profile.State, Zip = profile.Zip,
                Phone = $"{profile.Phone[..3]}-{profile.Phone[3..6]}-{profile.Phone[6..]}",
            };
        }
        else
        {
            Form.FullName = User.FindFirstValue(AimsClaimTypes.DisplayName);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (saved, failed) = await mediator.SendFormAsync(
            new SaveClientProfile(UserId, Form.FullName, Form.DateOfBirth, Form.MedicaidId, Form.Street, Form.City, Form.State, Form.Zip, Form.Phone, Form.Evidence),
            ModelState, nameof(Form), logger, cancellationToken);
        Failed = failed;
        if (!saved)
        {
            Claim = await claims.LatestAsync(ClaimKind.MedicaidId, UserId, cancellationToken);
            return Page();
        }

        TempData["Notice"] = "Your details are saved.";
        return RedirectToPage();
    }

    internal sealed class ClientForm
    {
        public string? FullName { get; set; }

        public string? DateOfBirth { get; set; }

        public string? MedicaidId { get; set; }

        public string? Street { get; set; }

        public string? City { get; set; }

        public string? State { get; set; }

        public string? Zip { get; set; }

        public string? Phone { get; set; }

        public string? Evidence { get; set; }
    }
}
