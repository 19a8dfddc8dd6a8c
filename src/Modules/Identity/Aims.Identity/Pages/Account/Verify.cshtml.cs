using Aims.Identity.Accounts;
using Aims.Identity.Codes;
using Aims.Identity.Sessions;
using Aims.Identity.SignIn;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Aims.Identity.Pages.Account;

/// <summary>
/// Choosing how the code comes: email always, text message only to a verified mobile number. The code page links
/// back here, so a person can switch methods at any time.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityRateLimits.Codes)]
internal sealed class VerifyModel(IMediator mediator, UserManager<AimsUser> users, IStringLocalizer<IdentityText> t) : PageModel
{
    [BindProperty]
    public string? Method { get; set; }

    public string MaskedEmail { get; private set; } = "";

    public string? MaskedPhone { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync() is not { } pending)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var channel = Method switch
        {
            "email" => CodeChannel.Email,
            "text" when MaskedPhone is not null => CodeChannel.TextMessage,
            _ => (CodeChannel?)null,
        };
        if (channel is null)
        {
            ModelState.AddModelError(nameof(Method), "Choose how to get your code.");
            return Page();
        }

        var destination = await mediator.Send(new SendSignInCode(pending.UserId, pending.AttemptId, channel.Value), cancellationToken);
        TempData["Notice"] = t["We sent a code to {0}.", destination].Value;
        return RedirectToPage("/Account/Code", new { via = channel == CodeChannel.TextMessage ? "text" : "email" });
    }

    private async Task<PendingSignIn?> LoadAsync()
    {
        if (await PendingSignIn.ReadAsync(HttpContext) is not { } pending
            || await users.FindByIdAsync(pending.UserId.ToString()) is not { } user)
        {
            return null;
        }

        MaskedEmail = Masking.Email(user.Email!);
        MaskedPhone = user.PhoneNumberConfirmed && user.PhoneNumber is not null ? Masking.Phone(user.PhoneNumber) : null;
        return pending;
    }
}
