using System.Security.Claims;
using System.Text.Json;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Codes;
using Aims.Identity.Profile;
using Aims.Identity.Sessions;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Aims.Identity.Pages.Profile;

[Authorize]
[RequireRecentSignIn]
internal sealed class MobileModel(
    IMediator mediator, UserManager<AimsUser> users, SignInManager<AimsUser> signIns, IDataProtectionProvider protection, IStringLocalizer<IdentityText> t)
    : PageModel
{
    private readonly IDataProtector sealer = protection.CreateProtector("Aims.Identity.MobileChange");

    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The sealed <see cref="MobileChange"/> while a code is awaited.</summary>
    [BindProperty]
    public string? Pending { get; set; }

    public string? MaskedPending { get; private set; }

    public string? Current { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken)
    {
        if (await mediator.SendFormAsync(new StartMobileChange(UserId, Mobile), ModelState, "", cancellationToken) is { } change)
        {
            Pending = sealer.Protect(JsonSerializer.Serialize(change));
            MaskedPending = Masking.Phone(change.Phone);
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var change = Unseal();
        if (change is null)
        {
            ModelState.AddModelError(nameof(Mobile), "Enter your mobile number and send a new code.");
            await LoadAsync();
            return Page();
        }

        MaskedPending = Masking.Phone(change.Phone);
        var verdict = await mediator.SendFormAsync(new ConfirmMobileChange(change, Code), ModelState, "", cancellationToken);
        if (verdict?.Locked == true)
        {
            await signIns.SignOutAsync();
            return RedirectToPage("/Account/Locked");
        }

        if (verdict is not null && verdict.Check != CodeCheck.Valid)
        {
            ModelState.AddModelError(nameof(Code), verdict.Check switch
            {
                CodeCheck.Expired => "This code has expired. Send a new code.",
                CodeCheck.AlreadyUsed => "This code was already used. Send a new code.",
                CodeCheck.Replaced => "A newer code was sent: use the one in the latest message.",
                _ => "That code is not right.",
            });
        }

        if (verdict?.Check != CodeCheck.Valid)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Notice"] = t["Your mobile number {0} is verified. You can now get sign-in codes by text message.", MaskedPending!].Value;
        return RedirectToPage("/Profile/Index");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveMobile(UserId), cancellationToken);
        TempData["Notice"] = "Your mobile number is removed. Sign-in codes now come by email.";
        return RedirectToPage("/Profile/Index");
    }

    private MobileChange? Unseal()
    {
        try
        {
            var change = Pending is null ? null : JsonSerializer.Deserialize<MobileChange>(sealer.Unprotect(Pending));
            return change?.UserId == UserId ? change : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        Current = user?.PhoneNumber is { } phone ? Masking.Phone(phone) + (user.PhoneNumberConfirmed ? "" : " " + t["(not verified)"]) : null;
    }
}
