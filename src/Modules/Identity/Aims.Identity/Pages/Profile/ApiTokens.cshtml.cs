using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Identity.Tokens;
using Aims.Identity.Sessions;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Identity.Pages.Profile;

[Authorize(Policy = nameof(Permission.UseApiTokens))]
[RequireRecentSignIn]
internal sealed class ApiTokensModel(IMediator mediator, ApiTokens tokens, TimeProvider time) : PageModel
{
    public static readonly int[] Lifetimes = [30, 90, 180, 365];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? Days { get; set; } = 90;

    [BindProperty]
    public List<ApiScope> Scopes { get; set; } = [];

    /// <summary>Shown once, right after issue (carried across the redirect in encrypted TempData, read once).</summary>
    [TempData]
    public string? NewSecret { get; set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public IReadOnlyList<ApiScopeInfo> Grantable { get; private set; } = [];

    public DateTimeOffset Now => time.GetUtcNow();

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        var secret = await mediator.SendFormAsync(new IssueApiToken(UserId, Name, Days, Scopes), ModelState, "", cancellationToken);
        if (secret is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        NewSecret = secret;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiToken(UserId, id), cancellationToken);
        TempData["Notice"] = "Token revoked. Programs using it are refused from now on.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.OfAsync(UserId, cancellationToken);
        Grantable = ApiScopes.All.Where(scope => ApiAccess.Allows(User, scope)).ToList();
    }
}
