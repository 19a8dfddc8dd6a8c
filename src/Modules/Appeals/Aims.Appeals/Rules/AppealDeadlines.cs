using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Time;
using Microsoft.Extensions.Options;

namespace Aims.Appeals.Rules;

/// <summary>
/// Every appeal date the law sets, on one business calendar. Filing windows roll a weekend or holiday last day forward (12VAC30-120-650 E;
/// Code of Virginia § 1-210); decision clocks, the agency's own obligations, are not rolled (docs/appeal-deadlines.md).
/// </summary>
internal sealed class AppealDeadlines(BusinessCalendar calendar, IOptions<AppealRulesOptions> options)
{
    public AppealRulesOptions Rules => options.Value;

    /// <summary>Portal filings count from the server's clock, as a New York date (12VAC30-20-520 as amended 2024).</summary>
    public DateOnly FiledOn(DateTimeOffset serverTime) => calendar.ToLocalDate(serverTime);

    public FilingWindow ProviderInformalWindow(DateOnly noticeDate, ReceiptMethod method) =>
        ProviderWindow(noticeDate, method, Rules.ProviderInformalFilingDays);

    public FilingWindow ProviderFormalWindow(DateOnly informalDecisionDate, ReceiptMethod method) =>
        ProviderWindow(informalDecisionDate, method, Rules.ProviderFormalFilingDays);

    public FilingWindow ClientWindow(DateOnly noticeDate)
    {
        var received = noticeDate.AddDays(Rules.ClientNoticeReceiptDays);
        return new FilingWindow(received, calendar.AddCalendarDaysRolled(received, Rules.ClientFilingDays));
    }

    /// <summary>An MCO member's state fair hearing request, counted from the MCO's final decision plus mailing days.</summary>
    public FilingWindow McoMemberWindow(DateOnly mcoFinalDecisionDate)
    {
        var received = mcoFinalDecisionDate.AddDays(Rules.McoMailingDays);
        return new FilingWindow(received, calendar.AddCalendarDaysRolled(received, Rules.McoHearingRequestDays));
    }

    /// <summary>Benefits continue when the appeal is filed before the action takes effect or within 10 days of the notice.</summary>
    public bool ContinuesBenefits(DateOnly noticeDate, DateOnly? effectiveDate, DateOnly filedOn) =>
        (effectiveDate is { } effective && filedOn < effective)
        || filedOn <= calendar.AddCalendarDaysRolled(noticeDate, Rules.ContinuationOfBenefitsDays);

    public DateOnly AuthorityProofDue(DateOnly filedOn) => calendar.AddCalendarDaysRolled(filedOn, Rules.AuthorityProofDays);

    public DateOnly ClientDecisionDue(DateOnly filedOn, int waivedDays) => filedOn.AddDays(Rules.ClientDecisionDays + waivedDays);

    public DateOnly ExpeditedDecisionDue(DateOnly filedOn, ExpeditedTrack track) => calendar.AddBusinessDays(
        filedOn, track == ExpeditedTrack.Services ? Rules.ExpeditedServicesWorkingDays : Rules.ExpeditedEligibilityWorkingDays);

    public DateOnly InformalDecisionDue(DateOnly filedOn) => filedOn.AddDays(Rules.InformalDecisionDays);

    public DateOnly RecommendedDecisionDue(DateOnly formalReceivedOn) => formalReceivedOn.AddDays(Rules.RecommendedDecisionDays);

    public DateOnly FinalDecisionDue(DateOnly recommendationReceivedOn) => recommendationReceivedOn.AddDays(Rules.FinalDecisionDays);

    /// <summary>
    /// When the agency's summary is due: 5 business days before a standard client hearing (12VAC30-110-185), the configured
    /// number before a provider's; an expedited client appeal's is the date the hearing officer sets.
    /// </summary>
    public DateOnly? SummaryDue(AppealKind kind, bool expedited, DateOnly hearingOn, DateOnly? setByHearingOfficer) => kind switch
    {
        AppealKind.Client when expedited => setByHearingOfficer,
        AppealKind.Client => calendar.AddBusinessDays(hearingOn, -Rules.ClientSummaryBusinessDays),
        _ => calendar.AddBusinessDays(hearingOn, -Rules.ProviderSummaryBusinessDays),
    };

    public DateOnly GoodCauseBy(DateOnly hearingOn) => calendar.AddCalendarDaysRolled(hearingOn, Rules.NoShowGoodCauseDays);

    public DateOnly PetitionToVacateBy(DateOnly defaultedOn) => calendar.AddCalendarDaysRolled(defaultedOn, Rules.PetitionToVacateDays);

    /// <summary>The last day the appellant may ask for <paramref name="kind"/> now, or null when it has no place (ADR 0038).</summary>
    public DateOnly? LastDayToAsk(Appeal appeal, RequestKind kind) => kind switch
    {
        RequestKind.NewDate when appeal is { Status: AppealStatus.Scheduled, NoShow: null, Hearing: { } hearing } =>
            calendar.ToLocalDate(hearing.StartsAt).AddDays(-Rules.NewDateRequestDaysBeforeHearing),
        RequestKind.GoodCause => appeal.NoShow?.GoodCauseBy,
        RequestKind.Exceptions when appeal.Status == AppealStatus.RecommendedDecision => appeal.Decisions[^1].FurtherAppealBy,
        _ => null,
    };

    /// <summary>The last day for the step after a decision: a formal appeal, exceptions, or circuit court.</summary>
    public DateOnly? FurtherAppealBy(DecisionLevel level, DateOnly decidedOn) => level switch
    {
        DecisionLevel.Informal => calendar.AddCalendarDaysRolled(decidedOn, Rules.ProviderFormalFilingDays),
        DecisionLevel.Recommended => calendar.AddCalendarDaysRolled(decidedOn, Rules.ExceptionsDays),
        _ => calendar.AddCalendarDaysRolled(decidedOn, Rules.CircuitCourtDays),
    };

    private FilingWindow ProviderWindow(DateOnly sentOn, ReceiptMethod method, int days)
    {
        var received = method == ReceiptMethod.Mail ? sentOn.AddDays(Rules.ProviderMailReceiptDays) : sentOn;
        return new FilingWindow(received, calendar.AddCalendarDaysRolled(received, days));
    }
}
