using Aims.Appeals.Contracts;
using Aims.Appeals.Model;

namespace Aims.Appeals.Viewing;

/// <summary>The words people read for an appeal's kind, status and the division's choices, the same on every page and email.</summary>
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
        AppealStatus.Docketed => "Docketed",
        AppealStatus.Scheduled => "Scheduled",
        AppealStatus.RecommendedDecision => "Recommended decision issued",
        AppealStatus.Decided => "Decided",
        AppealStatus.Dismissed => "Dismissed",
        _ => "Withdrawn",
    };

    public static string Dismissal(DismissalReason reason) => reason switch
    {
        DismissalReason.Untimely => "Filed late without good cause",
        DismissalReason.McoAppealNotExhausted => "The MCO's internal appeal was not exhausted",
        DismissalReason.NoAdverseAction => "No adverse action to appeal",
        DismissalReason.AuthorityNotProven => "The representative's authority was not proven",
        DismissalReason.Duplicate => "Duplicate of another appeal",
        _ => "Did not appear at the hearing and showed no good cause",
    };

    public static string Role(CaseRole role) => role switch
    {
        CaseRole.CaseWorker => "Case worker",
        CaseRole.HearingOfficer => "Hearing officer",
        _ => "Informal appeals agent",
    };

    /// <summary>How a notice arrived, as a sentence says it: "received by email".</summary>
    public static string Receipt(Rules.ReceiptMethod method) => method switch
    {
        Rules.ReceiptMethod.Mail => "by mail",
        Rules.ReceiptMethod.Email => "by email",
        Rules.ReceiptMethod.Fax => "by fax",
        _ => "through a portal",
    };

    public static string Channel(HearingChannel channel) => channel switch
    {
        HearingChannel.Telephone => "By telephone",
        HearingChannel.Video => "By video",
        _ => "In person",
    };
}
