using System.Security.Claims;
using Aims.Identity.Contracts;
using Aims.Registration.Claims;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Providers;

/// <summary>
/// The providers the signed-in user acts for (a representative may act for several), and apart from them the profiles
/// whose NPI is not verified, which show no appeals yet (ADR 0029).
/// </summary>
[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class IndexModel(IMediator mediator, RegistrationDbContext db, IdentityClaims claims) : PageModel
{
    public IReadOnlyList<ProviderMembership> Providers { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name, string Npi)> Unverified { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Providers = await mediator.Send(new GetProviderMemberships(userId), cancellationToken);
        var verified = claims.Verified(ClaimKind.Npi);
        Unverified = (await (from member in db.ProviderMembers.AsNoTracking()
                             join provider in db.Providers.AsNoTracking() on member.ProviderId equals provider.Id
                             where member.UserId == userId && !verified.Any(c => c.SubjectId == provider.Id)
                             orderby provider.Name
                             select new { provider.Id, provider.Name, provider.Npi }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name, p.Npi)).ToList();
    }
}
