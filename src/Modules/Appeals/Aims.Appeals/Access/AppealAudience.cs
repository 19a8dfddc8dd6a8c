using System.Linq.Expressions;
using Aims.Appeals.Contracts;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Errors;
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
/// The one rule for who takes part in an appeal (provider's people via Registration, the agency's coordinators, a client
/// appeal's verified parties per ADR 0029, division staff); everyone else gets <see cref="AppealAccess.None"/>, i.e. 404.
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
    /// The list rows the viewer takes part in. Each way of taking part becomes an indexed equality, so a coordinator's
    /// "agency = X" uses 0012's partial indexes and a mix is one bitmap OR, not a correlated EXISTS per row (ADR 0037).
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

    /// <summary>For an appellant's own action: an appeal they cannot read is not found; one they only read is refused.</summary>
    public async Task RequireActorAsync(Guid appealId, Guid userId, string refusal, CancellationToken cancellationToken)
    {
        var access = await AccessAsync(appealId, await ViewerAsync(userId, cancellationToken), cancellationToken);
        if (!access.CanRead)
        {
            throw new NotFoundException("No such appeal.");
        }

        if (!access.CanAct)
        {
            throw new RuleViolationException(refusal);
        }
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
