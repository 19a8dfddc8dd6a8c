using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Localization;

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
    public static string Receipt(ReceiptMethod method) => method switch
    {
        ReceiptMethod.Mail => "by mail",
        ReceiptMethod.Email => "by email",
        ReceiptMethod.Fax => "by fax",
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

    /// <summary>The outcome the law gives a provider when a decision clock runs out: an outcome word like the staff's "Sustained".</summary>
    public const string DeemedOutcome = "Deemed in the provider's favour";

    /// <summary>A decision's outcome word, to look up in the reader's language: the staff's own, or the deemed one.</summary>
    public static string Outcome(DecisionIssued decision) => decision.Deemed is null ? decision.Outcome : DeemedOutcome;

    /// <summary>A decision as the reader reads it: a deemed one gets its outcome word and its reason, worded from its facts in <paramref name="t"/>'s language.</summary>
    public static DecisionIssued Worded(DecisionIssued decision, IStringLocalizer t) => decision.Deemed is { } deemed
        ? decision with { Outcome = DeemedOutcome, Text = DeemedReason(deemed, t) }
        : decision;

    public static string DeemedReason(DeemedInProviderFavour deemed, IStringLocalizer t) => t[
        deemed.Level == DecisionLevel.Informal
            ? "No informal decision was issued by {0}, the last day the law allows. Under {1} the appeal is deemed decided in the provider's favour."
            : "No final decision was issued by {0}, the last day the law allows. Under {1} the appeal is deemed decided in the provider's favour.",
        PortalDates.Date(deemed.ClockEndedOn), t[Statute(deemed.Statute)]];

    public static string Statute(DeemingStatute statute) => statute switch
    {
        _ => "§ 32.1-325.1 of the Code of Virginia",
    };

    /// <summary>An amount of money: "$1,250.00" either way (US dollars), with the reader's language's separators.</summary>
    public static string Money(decimal amount) =>
        amount.ToString("C", System.Globalization.CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "es" ? PortalLanguages.Spanish : PortalLanguages.English);
}
