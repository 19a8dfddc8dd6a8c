using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Passkeys;
using Aims.Identity.Sessions;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Aims.Identity.Pages.Profile;

[Authorize]
[RequireRecentSignIn]
internal sealed class PasskeysModel(IMediator mediator, SignInManager<AimsUser> signIns, IStringLocalizer<IdentityText> t) : PageModel
{
    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Credential { get; set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public static string IdOf(UserPasskeyInfo passkey) => WebEncoders.Base64UrlEncode(passkey.CredentialId);

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>The registration challenge; the browser's authenticator is told which passkeys this account already has.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var user = await signIns.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var entity = new PasskeyUserEntity { Id = user.Id.ToString(), Name = user.Email!, DisplayName = user.DisplayName };
        return Content(await signIns.MakePasskeyCreationOptionsAsync(entity), "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var addition = await mediator.SendFormAsync(new AddPasskey(UserId, Name, Credential), ModelState, "", cancellationToken);
        if (addition?.Refusal is { } refusal)
        {
            ModelState.AddModelError(nameof(Name), refusal);
        }

        if (addition is null || addition.Refusal is not null)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Notice"] = t["Passkey \"{0}\" added. You can now sign in with it.", Name!.Trim()].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemovePasskey(UserId, id), cancellationToken);
        TempData["Notice"] = "Passkey removed. It can no longer sign in to your account.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var user = await signIns.UserManager.GetUserAsync(User);
        Passkeys = user is null ? [] : (await signIns.UserManager.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt).ToList();
    }
}
