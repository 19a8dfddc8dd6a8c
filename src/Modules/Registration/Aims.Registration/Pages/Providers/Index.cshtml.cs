using System.Security.Claims;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Registration.Pages.Providers;

/// <summary>The providers the signed-in user acts for (a representative may act for several).</summary>
[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ProviderMembership> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Providers = await mediator.Send(new GetProviderMemberships(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!)), cancellationToken);
}
