using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Identity.NewAccounts;
using Aims.Identity.Passwords;
using Aims.Identity.SignIn;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;

namespace Aims.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(IdentityRateLimits.SignUp)]
internal sealed class SignUpModel(IMediator mediator, ILogger<SignUpModel> logger) : PageModel
{
    [BindProperty]
    public SignUpForm Form { get; set; } = new();

    public IReadOnlyList<Role> Roles => SignUpValidator.SelfService;

    public bool Sent { get; private set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        (Sent, Failed) = await mediator.SendFormAsync(
            new SignUp(Form.DisplayName, Form.Email, Form.Password, Form.ConfirmPassword, Form.Role, Form.Mobile), ModelState, nameof(Form), logger, cancellationToken);
        return Page();
    }

    public static string Describe(Role role) => role switch
    {
        Role.ProviderUser => "Provider (I work for a Medicaid provider)",
        Role.ProviderRepresentative => "Provider representative (I act for one or more providers)",
        Role.McoUser => "Managed care organization staff",
        Role.TradingPartner => "Trading partner (I exchange data with DMAS for providers)",
        Role.ClientAppellant => "Medicaid member appealing for myself",
        Role.AuthorizedRepresentative => "Authorized representative of a Medicaid member",
        _ => role.ToString(),
    };

    internal sealed class SignUpForm
    {
        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }

        public Role? Role { get; set; }

        public string? Mobile { get; set; }
    }
}
