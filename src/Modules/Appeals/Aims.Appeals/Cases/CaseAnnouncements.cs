using Aims.Appeals.Contracts;
using Aims.Appeals.Decisions;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Cases;

/// <summary>What the parties are told of a change on a case, made in one place whichever slice or clock made the change.</summary>
internal static class CaseAnnouncements
{
    public static CaseDismissed Dismissed(Appeal appeal, AppealDismissed dismissed) => new(
        appeal.Id, appeal.CaseNumber, appeal.Agency?.Id, dismissed.DismissedOn, AppealLabels.Dismissal(dismissed.Reason), dismissed.Explanation, dismissed.PetitionToVacateBy);

    /// <summary>The further step in each language, as it carries a date; the decision's name and outcome are fixed words Notifications translates.</summary>
    public static CaseDecided Decided(Appeal appeal, DecisionIssued decision, IStringLocalizer<AppealsText> t) => new(
        appeal.Id, appeal.CaseNumber, appeal.Agency?.Id, DecisionWords.Name(decision.Level), AppealLabels.Outcome(decision), decision.DecidedOn,
        decision.FurtherAppealBy is null ? null : Wording.InEachLanguage(() => DecisionWords.FurtherStep(decision.Level, decision.FurtherAppealBy, t)!), decision.DocumentId);

    /// <param name="sequence">Grows with every change, so a calendar replaces the earlier invitation.</param>
    public static HearingNoticeIssued Hearing(Appeal appeal, Hearing hearing, long sequence, DateTimeOffset? previousStart, string? reason, AppealRulesOptions rules) => new(
        appeal.Id, appeal.CaseNumber, appeal.Agency?.Id, hearing.Conference, hearing.StartsAt, AppealLabels.Channel(hearing.Channel), hearing.Details,
        (int)sequence, previousStart, reason, hearing.SummaryDue, rules.NoShowGoodCauseDays);

    /// <param name="sequence">The closing event's version: above every notice's, so calendars take the cancellation.</param>
    public static HearingCancelled Cancelled(Appeal appeal, Hearing hearing, long sequence) => new(
        appeal.Id, appeal.CaseNumber, appeal.Agency?.Id, hearing.Conference, hearing.StartsAt, AppealLabels.Channel(hearing.Channel), hearing.Details, (int)sequence);
}
