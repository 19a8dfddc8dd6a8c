using System.Security.Claims;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Claims;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using Aims.Registration.Providers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Aims.Registration.Pages.Providers;

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class ProviderModel(IMediator mediator, RegistrationDbContext db, IdentityClaims claims, IStringLocalizer<RegistrationText> t) : PageModel
{
    /// <summary>Where the provider's NPI claim stands.</summary>
    public IdentityClaim? Claim { get; private set; }

    /// <summary>The enrolled contact email the roster gives, shown masked, when a code can verify the claim.</summary>
    public string? CodeAddress { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public Provider Provider { get; private set; } = null!;

    public IReadOnlyList<ProviderMember> Members { get; private set; } = [];

    public bool IsAdministrator { get; private set; }

    public string? Refusal { get; private set; }

    public Guid Me => UserId;

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var name = User.FindFirstValue(AimsClaimTypes.DisplayName) ?? User.Identity!.Name!;
        if (await mediator.SendFormAsync(new InviteToProvider(Id, UserId, name, Email), ModelState, "", cancellationToken))
        {
            TempData["Notice"] = t["We emailed an invitation to {0}. It works for {1} days.", Email!.Trim(), Invitations.Lifetime.Days].Value;
            return RedirectToPage(new { id = Id });
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new SendProviderCode(Id, UserId), cancellationToken);
            TempData["Notice"] = t["We emailed a code to the provider's enrolled address. It works for {0} minutes.", IdentityClaims.CodeLifetimeMinutes].Value;
            return RedirectToPage(new { id = Id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await mediator.SendFormAsync(new ConfirmProviderCode(Id, UserId, Code), ModelState, "", cancellationToken))
            {
                TempData["Notice"] = t["The NPI is verified. You now see the provider's appeals."].Value;
                return RedirectToPage(new { id = Id });
            }

            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(Code), "This code is wrong or has expired. Ask for a new code and enter the newest one.");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid member, CancellationToken cancellationToken)
    {
        try
        {
            var name = await mediator.Send(new RemoveProviderMember(Id, UserId, member), cancellationToken);
            TempData["Notice"] = t["{0} no longer acts for this provider.", name].Value;
            return RedirectToPage(new { id = Id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException refused)
        {
            Refusal = refused.On(HttpContext);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Members = await db.ProviderMembers.AsNoTracking().Where(m => m.ProviderId == Id).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var me = Members.SingleOrDefault(m => m.UserId == UserId);
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (me is null || provider is null)
        {
            return false;
        }

        Provider = provider;
        IsAdministrator = me.IsAdministrator;
        Claim = await claims.LatestAsync(ClaimKind.Npi, Id, cancellationToken);
        if (IsAdministrator && Claim is { Status: ClaimStatus.Pending }
            && await db.ProviderRoster.AsNoTracking().SingleOrDefaultAsync(r => r.Npi == provider.Npi, cancellationToken) is { } roster)
        {
            CodeAddress = Mask(roster.ContactEmail);
        }

        return true;
    }

    // Enough for the claimant to recognise their organization's address, not enough to learn it.
    private static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}
