namespace Aims.Identity.Contracts;

/// <summary>What a role may do; pages and endpoints authorize by permission (policy name = the permission's name).</summary>
public enum Permission
{
    FileProviderAppeals,
    FileClientAppeals,
    FollowOwnAppeals,
    AddDocumentsToOwnAppeals,
    SeeAgencyAppeals,
    FileCaseSummaries,
    UseApiTokens,
    WorkIntakeQueue,
    WorkAssignedAppeals,
    ScheduleHearings,
    IssueInformalDecisions,
    IssueHearingDecisions,
    IssueFinalDecisions,
    SearchAllAppeals,
    ReviewAgencyRegistrations,
    ManageStaffAccounts,
    RunOperations,
    SeeAllAuditRecords,
    UsePracticeSpace,
    ReviewIdentityClaims,
}
