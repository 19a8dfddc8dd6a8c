using System.Linq.Expressions;
using Aims.Appeals.Contracts;
using Aims.Appeals.Persistence;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Access;

/// <summary>
/// Someone asking about appeals, with what makes them a party: the providers they act for, their agency, and whether
/// they are the division's staff.
/// </summary>
internal sealed record Viewer(Guid UserId, IReadOnlyList<Guid> ProviderIds, Guid? AgencyId, bool IsStaff = false)
{
    /// <summary>The client's own Medicaid ID and those of the clients who linked them as representative.</summary>
    public IReadOnlyList<ClientLink> Clients { get; init; } = [];
}

/// <summary>
/// The one rule for who takes part in an appeal: a provider's appeals belong to everyone acting for the provider
/// (colleagues and representatives, through Registration's memberships, so joining or leaving takes effect at once);
/// the named agency's active coordinators see it; a client appeal belongs to the people listed on it, to the client
/// whose Medicaid ID it bears and to the representatives that client linked (Registration; both lists hold only
/// verified identity claims, ADR 0029, so a Medicaid ID or NPI typed into a profile reaches nothing); the division's staff
/// may read and add documents to every appeal (assignment narrows this with the staff screens). Everyone else
/// gets <see cref="AppealAccess.None"/>, which pages and the API answer with 404.
/// </summary>
internal sealed class AppealAudience(IMediator mediator, AppealsDbContext db)
{
    public async Task<Viewer> ViewerAsync(Guid userId, CancellationToken cancellationToken)
    {
        var providers = await mediator.Send(new GetProviderMemberships(userId), cancellationToken);
        var agency = await mediator.Send(new GetCoordinatorAgency(userId), cancellationToken);
        var roles = await mediator.Send(new GetUserRoles(userId), cancellationToken);
        var staff = roles.Any(AccessTable.RolesWith[Permission.SearchAllAppeals].Contains);
        var clients = await mediator.Send(new GetClientLinks(userId), cancellationToken);
        return new Viewer(userId, providers.Select(p => p.ProviderId).ToList(), agency, staff) { Clients = clients };
    }

    /// <summary>
    /// The list rows the viewer takes part in. The appeals they were given access to one by one are read first (a few
    /// rows), and only the ways this viewer takes part become conditions, each an indexed equality: an agency's
    /// coordinator asks "agency = X" alone, which 0012's partial indexes answer without reading the table, and a mix
    /// is one bitmap OR rather than a correlated EXISTS tested on every row (ADR 0037).
    /// </summary>
    public async Task<IQueryable<AppealSummary>> VisibleAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var providerIds = viewer.ProviderIds.ToList();
        var medicaidIds = viewer.Clients.Select(c => c.MedicaidId).ToList();
        var granted = await db.AppealAccess.AsNoTracking().Where(a => a.UserId == viewer.UserId).Select(a => a.AppealId).ToListAsync(cancellationToken);
        var agencyId = viewer.AgencyId;
        List<Expression<Func<AppealSummary, bool>>> ways = [];
        if (providerIds.Count > 0)
        {
            ways.Add(s => s.ProviderId != null && providerIds.Contains(s.ProviderId.Value));
        }

        if (medicaidIds.Count > 0)
        {
            ways.Add(s => s.MedicaidId != null && medicaidIds.Contains(s.MedicaidId));
        }

        if (agencyId is not null)
        {
            ways.Add(s => s.AgencyId == agencyId);
        }

        if (granted.Count > 0)
        {
            ways.Add(s => granted.Contains(s.Id));
        }

        var rows = db.Summaries.AsNoTracking();
        return ways.Count == 0 ? rows.Where(_ => false) : rows.Where(AnyOf(ways));
    }

    /// <summary>The conditions joined with OR over one shared row parameter.</summary>
    private static Expression<Func<AppealSummary, bool>> AnyOf(IReadOnlyList<Expression<Func<AppealSummary, bool>>> conditions)
    {
        var row = Expression.Parameter(typeof(AppealSummary), "s");
        var body = conditions.Select(c => new Rebind(c.Parameters[0], row).Visit(c.Body)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<AppealSummary, bool>>(body, row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    public async Task<AppealAccess> AccessAsync(Guid appealId, Viewer viewer, CancellationToken cancellationToken)
    {
        var entry = await db.AppealAccess.AsNoTracking()
            .SingleOrDefaultAsync(a => a.AppealId == appealId && a.UserId == viewer.UserId, cancellationToken);
        if (entry is not null)
        {
            return new AppealAccess(CanRead: true, entry.CanAddDocuments, entry.CanAct, entry.Party);
        }

        var appeal = await db.Summaries.AsNoTracking().Where(s => s.Id == appealId)
            .Select(s => new { s.ProviderId, s.AgencyId, s.MedicaidId }).SingleOrDefaultAsync(cancellationToken);
        if (appeal?.ProviderId is { } providerId && viewer.ProviderIds.Contains(providerId))
        {
            return new AppealAccess(CanRead: true, CanAddDocuments: true, CanAct: true, AppealParty.ProviderUser);
        }

        if (viewer.Clients.FirstOrDefault(c => c.MedicaidId == appeal?.MedicaidId) is { } client)
        {
            return new AppealAccess(CanRead: true, CanAddDocuments: true, CanAct: true, client.IsSelf ? AppealParty.Appellant : AppealParty.Representative);
        }

        if (appeal?.AgencyId is { } agencyId && agencyId == viewer.AgencyId)
        {
            return new AppealAccess(CanRead: true, CanAddDocuments: true, CanAct: false, AppealParty.AgencyCoordinator);
        }

        // Until assignment arrives with the staff screens, every member of the division's staff may work every appeal.
        return appeal is not null && viewer.IsStaff
            ? new AppealAccess(CanRead: true, CanAddDocuments: true, CanAct: false, AppealParty.AssignedStaff)
            : AppealAccess.None;
    }
}
