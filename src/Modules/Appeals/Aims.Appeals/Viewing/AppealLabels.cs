using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;

namespace Aims.Appeals.Viewing;

/// <summary>
/// The one dictionary from the appeal's codes to the words people read on every page, email and API answer (ADR 0043),
/// looked up in the reader's language's resource file.
/// </summary>
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

    public static string Step(AppealStep step) => step switch
    {
        AppealStep.ProofOfAuthorityOverdue => "Proof of authority is overdue: the Appeals Division may find the appeal invalid",
        AppealStep.DocketThenConference => "The Appeals Division dockets the appeal; the agency files its case summary and an informal fact-finding conference is scheduled",
        AppealStep.DocketThenHearing => "The Appeals Division dockets the appeal and schedules a hearing",
        AppealStep.GoodCauseOrClose => "The appellant may show good cause for missing the hearing; otherwise the case closes",
        AppealStep.ScheduleConference => "The Appeals Division schedules the informal fact-finding conference",
        AppealStep.ScheduleHearing => "The Appeals Division schedules the hearing",
        AppealStep.ConferenceThenDecision => "The informal fact-finding conference is scheduled; then the decision",
        AppealStep.HearingThenDecision => "The hearing is scheduled; then the decision",
        AppealStep.ExceptionsThenFinalDecision => "Exceptions may be filed; then the agency director issues the final decision",
        _ => "You may file a formal appeal of the informal decision",
    };

    public static string Deadline(DeadlineKind kind) => kind switch
    {
        DeadlineKind.PetitionToVacate => "Last day to petition to vacate the default",
        DeadlineKind.Exceptions => "Last day to file exceptions to the recommended decision",
        DeadlineKind.FormalAppeal => "Last day to file a formal appeal",
        DeadlineKind.FurtherAppeal => "Last day to take the decision further",
        DeadlineKind.GoodCause => "Last day to show good cause for missing the hearing",
        DeadlineKind.AuthorityProof => "Proof of the representative's authority due",
        DeadlineKind.CaseSummary => "Agency's case summary due",
        DeadlineKind.InformalDecision => "Informal decision due",
        DeadlineKind.RecommendedDecision => "Recommended decision due",
        DeadlineKind.FinalDecision => "Final decision due",
        DeadlineKind.Decision => "Decision due",
        _ => "Expedited decision due",
    };

    /// <summary>What intake checks; the staff screens are English (PortalLanguages).</summary>
    public static string Flag(AppealFlag flag) => flag switch
    {
        AppealFlag.FiledLate => "Filed late",
        AppealFlag.McoAppealNotExhausted => "MCO appeal not exhausted",
        AppealFlag.AuthorityNotProven => "Authority not proven",
        _ => "Awaiting proof of authority",
    };

    /// <summary>A decision clock with the days the rules give it, for the staff screens: "Informal decision (180 days)".</summary>
    public static string Clock(DecisionClockKind kind, AppealRulesOptions rules) => kind switch
    {
        DecisionClockKind.InformalDecision => $"Informal decision ({rules.InformalDecisionDays} days)",
        DecisionClockKind.RecommendedDecision => $"Recommended decision ({rules.RecommendedDecisionDays} days)",
        DecisionClockKind.FinalDecision => $"Final decision ({rules.FinalDecisionDays} days)",
        DecisionClockKind.ClientDecision => $"Decision ({rules.ClientDecisionDays} days)",
        DecisionClockKind.ExpeditedServices => $"Expedited decision ({rules.ExpeditedServicesWorkingDays} working days)",
        _ => $"Expedited decision ({rules.ExpeditedEligibilityWorkingDays} working days)",
    };

    /// <summary>The session an appeal is heard at, inside a staff sentence: "Schedule the {0}".</summary>
    public static string Hearing(AppealKind kind) => kind == AppealKind.ProviderInformal ? "informal fact-finding conference" : "hearing";
}
