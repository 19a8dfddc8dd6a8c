using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Passwords;
using Aims.Identity.Sessions;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Identity.Pages.Account;

[Authorize]
internal sealed class ChangePasswordModel(IMediator mediator, SignInManager<AimsUser> signIns) : PageModel
{
    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public bool Forced => User.HasClaim(AimsClaims.MustChangePassword, "true");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var changed = await mediator.SendFormAsync(
            new ChangePassword(userId, Form.CurrentPassword, Form.NewPassword, Form.ConfirmPassword), ModelState, nameof(Form), cancellationToken);
        if (!changed)
        {
            return Page();
        }

        // The stamp changed, so this session is re-issued (keeping when it began) while every other one ends.
        var user = await signIns.UserManager.FindByIdAsync(userId.ToString());
        await signIns.ReissueAsync(user!, User);
        TempData["Notice"] = "Your password is changed. Other sessions were signed out.";
        return LocalRedirect("/");
    }

    internal sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
