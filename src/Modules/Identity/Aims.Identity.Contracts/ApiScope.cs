namespace Aims.Identity.Contracts;

/// <summary>What an API token may do. A token gets only scopes its owner's roles allow, and loses them with the role.</summary>
public enum ApiScope
{
    AppealsRead,
    AppealsFile,
    DocumentsWrite,
    CaseSummariesWrite,
    CasesWork,
}

/// <summary>One scope as people and programs see it: its name in tokens and docs, what it allows, and the permissions behind it.</summary>
public sealed record ApiScopeInfo(ApiScope Scope, string Name, string Description, IReadOnlyList<Permission> AnyOf);

/// <summary>The scopes, each granted to a token only when its owner holds one of <see cref="ApiScopeInfo.AnyOf"/>.</summary>
public static class ApiScopes
{
    public static IReadOnlyList<ApiScopeInfo> All { get; } =
    [
        new(ApiScope.AppealsRead, "appeals:read", "Read the appeals you file or follow, or your agency's (staff: every appeal)", [Permission.FollowOwnAppeals, Permission.SeeAgencyAppeals, Permission.SearchAllAppeals]),
        new(ApiScope.AppealsFile, "appeals:file", "File provider appeals", [Permission.FileProviderAppeals]),
        new(ApiScope.DocumentsWrite, "documents:write", "Add documents to appeals", [Permission.AddDocumentsToOwnAppeals]),
        new(ApiScope.CaseSummariesWrite, "case-summaries:write", "File agency case summaries", [Permission.FileCaseSummaries]),
        new(ApiScope.CasesWork, "cases:work", "The Appeals Division's case work: intake, assignment, scheduling, decisions and search", [Permission.SearchAllAppeals]),
    ];

    public static ApiScopeInfo Of(ApiScope scope) => All.Single(s => s.Scope == scope);

    /// <summary>The authorization policy an API endpoint names to require <paramref name="scope"/>.</summary>
    public static string Policy(ApiScope scope) => "api:" + Of(scope).Name;
}
