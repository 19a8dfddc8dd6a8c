using Aims.Appeals.Contracts;
using Aims.Appeals.Model;

namespace Aims.Appeals.Viewing;

/// <summary>The words people read for an appeal's kind and status, the same on every page and email.</summary>
internal static class AppealLabels
{
    public static string Kind(AppealKind kind) => kind switch
    {
        AppealKind.ProviderInformal => "Informal appeal",
        AppealKind.ProviderFormal => "Formal appeal",
        _ => "Client appeal",
    };

    public static string Status(AppealStatus status) => status switch
    {
        AppealStatus.Filed => "Filed",
        AppealStatus.RecommendedDecision => "Recommended decision issued",
        AppealStatus.Decided => "Decided",
        _ => "Withdrawn",
    };
}
