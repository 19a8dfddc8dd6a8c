using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Codes;
using Aims.Identity.Lockout;
using Aims.Identity.Sessions;
using Aims.Identity.SignIn;
using Aims.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentityRateLimits.Codes)]
internal sealed class CodeModel(
    IMediator mediator,
    SignInManager<AimsUser> signIns,
    TimeProvider time,
    IOutgoingMail mail,
    IOutgoingTextMessages texts,
    IOptions<OneTimeCodeOptions> codeOptions,
    IOptions<SignInLockoutOptions> lockout,
    IStringLocalizer<IdentityText> t) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Via { get; set; } = "email";

    public bool ByText => Via == "text";

    /// <summary>Named on the page so the person can find the message (and tell it from a phishing attempt).</summary>
    public string Sender => ByText ? texts.From : mail.From;

    public int CodeMinutes => codeOptions.Value.LifetimeMinutes;

    public async Task<IActionResult> OnGetAsync() =>
        await PendingSignIn.ReadAsync(HttpContext) is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await PendingSignIn.ReadAsync(HttpContext) is not { } pending)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var verdict = await mediator.SendFormAsync(new VerifySignInCode(pending.UserId, pending.AttemptId, pending.Email, Code), ModelState, "", cancellationToken);
        if (verdict is null)
        {
            return Page();
        }

        if (verdict.Locked)
        {
            await PendingSignIn.EndAsync(HttpContext);
            return RedirectToPage("/Account/Locked");
        }

        if (verdict.Check != CodeCheck.Valid)
        {
            ModelState.AddModelError(nameof(Code), verdict.Check switch
            {
                CodeCheck.Expired => t["This code has expired. Send a new code."],
                CodeCheck.AlreadyUsed => t["This code was already used. Send a new code."],
                CodeCheck.Replaced => t["A newer code was sent: use the one in the latest message."],
                _ => t["That code is not right."],
            } + (verdict.FailuresLeft == 1 ? " " + t["One more wrong attempt will lock the account for {0} minutes.", lockout.Value.DurationMinutes] : ""));
            return Page();
        }

        await PendingSignIn.EndAsync(HttpContext);
        var user = await signIns.UserManager.FindByIdAsync(pending.UserId.ToString());
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        // A fresh cookie: whatever session this browser had before is replaced, never extended.
        await signIns.SignInWithClaimsAsync(user, isPersistent: false, [SessionCookies.SignedInAt(time.GetUtcNow()), new("amr", "otp")]);
        await SignInLanguage.RememberAsync(mediator, HttpContext, user.Id, cancellationToken);

        return user.MustChangePassword ? RedirectToPage("/Account/ChangePassword") : LocalRedirect(Url.AfterSignIn(pending.ReturnUrl));
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        if (await PendingSignIn.ReadAsync(HttpContext) is not { } pending)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var destination = await mediator.Send(
            new SendSignInCode(pending.UserId, pending.AttemptId, ByText ? CodeChannel.TextMessage : CodeChannel.Email), cancellationToken);
        TempData["Notice"] = t["We sent a new code to {0}. Earlier codes no longer work.", destination].Value;
        return RedirectToPage(new { via = Via });
    }
}
