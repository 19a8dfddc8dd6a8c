namespace Aims.Identity.Contracts;

/// <summary>
/// The one table of roles and the permissions each grants (docs/roles.md shows the same table; a test keeps them equal).
/// Which appeals a permission reaches is decided per appeal by the appeal-access contract, not here.
/// </summary>
public static class AccessTable
{
    private static readonly Role[] Providers = [Role.ProviderUser, Role.ProviderRepresentative, Role.McoUser, Role.TradingPartner];
    private static readonly Role[] Clients = [Role.ClientAppellant, Role.AuthorizedRepresentative];
    private static readonly Role[] Staff = [Role.CaseWorker, Role.HearingOfficer, Role.InformalAppealsAgent, Role.AppealsAdministrator];

    public static IReadOnlyDictionary<Permission, Role[]> RolesWith { get; } = new Dictionary<Permission, Role[]>
    {
        [Permission.FileProviderAppeals] = Providers,
        [Permission.FileClientAppeals] = Clients,
        [Permission.FollowOwnAppeals] = [.. Providers, .. Clients],
        [Permission.AddDocumentsToOwnAppeals] = [.. Providers, .. Clients, Role.AgencyCoordinator],
        [Permission.SeeAgencyAppeals] = [Role.AgencyCoordinator],
        [Permission.FileCaseSummaries] = [Role.AgencyCoordinator],
        [Permission.UseApiTokens] = [Role.ProviderRepresentative, Role.McoUser, Role.TradingPartner, Role.AgencyCoordinator],
        [Permission.WorkIntakeQueue] = [Role.CaseWorker, Role.AppealsAdministrator],
        [Permission.WorkAssignedAppeals] = Staff,
        [Permission.ScheduleHearings] = Staff,
        [Permission.IssueInformalDecisions] = [Role.InformalAppealsAgent],
        [Permission.IssueHearingDecisions] = [Role.HearingOfficer],
        [Permission.IssueFinalDecisions] = [Role.AppealsAdministrator],
        [Permission.SearchAllAppeals] = Staff,
        [Permission.ReviewAgencyRegistrations] = [Role.AppealsAdministrator],
        [Permission.ManageStaffAccounts] = [Role.AppealsAdministrator],
        [Permission.RunOperations] = [Role.AppealsAdministrator],
        [Permission.SeeAllAuditRecords] = [Role.AppealsAdministrator],
        // "You Try" (docs/practice.md): every external account may practise; staff work real cases only.
        [Permission.UsePracticeSpace] = [.. Providers, .. Clients, Role.AgencyCoordinator],
        [Permission.ReviewIdentityClaims] = [Role.AppealsAdministrator],
    };

    public static bool IsStaff(Role role) => Staff.Contains(role);

    public static IEnumerable<Permission> PermissionsOf(Role role) =>
        RolesWith.Where(entry => entry.Value.Contains(role)).Select(entry => entry.Key);
}
