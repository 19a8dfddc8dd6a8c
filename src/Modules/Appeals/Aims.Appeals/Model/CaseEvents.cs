
namespace Aims.Appeals.Model;

// The Appeals Division's work on an appeal after it is filed: intake, assignment, the hearing or conference, the
// agency's summary, no-shows and the decision clocks. Each carries who acted and the dates as computed then.

/// <summary>The fixed reasons an appeal is dismissed without a decision on its merits.</summary>
internal enum DismissalReason
{
    Untimely,
    McoAppealNotExhausted,
    NoAdverseAction,
    AuthorityNotProven,
    Duplicate,
    NoShowWithoutGoodCause,
}

/// <summary>The division's people on a case: the case worker runs it; the hearing officer or the informal appeals agent decides it.</summary>
internal enum CaseRole
{
    CaseWorker,
    HearingOfficer,
    InformalAppealsAgent,
}

internal enum HearingChannel
{
    Telephone,
    Video,
    InPerson,
}

/// <summary>The hearing (client and formal appeals) or informal fact-finding conference (informal appeals) as now set.</summary>
internal sealed record Hearing(bool Conference, DateTimeOffset StartsAt, HearingChannel Channel, string Details, DateOnly? SummaryDue);

/// <summary>An agency staff member who must attend the hearing or conference; they get its notices too.</summary>
internal sealed record Attendee(string Name, string Email);

/// <summary>The parts of an appeal or case summary (12VAC30-110-185 for client appeals).</summary>
internal sealed record CaseSummaryParts(string Identifiers, string ResponsibleAgency, string Facts, string PolicyCitations, string Notice);

/// <summary>The seven parts of a client hearing decision (12VAC30-110-370); the cover letter is generated from the rest.</summary>
internal sealed record DecisionParts(
    string ProceduralHistory, string FindingsOfFact, string ConclusionsOfLaw, string Reasoning, string RequiredAction, DateOnly? ActionDeadline, string CoverLetter);

/// <summary>Accepted for a hearing or conference; a late filing only on good cause, whose reason is recorded.</summary>
internal sealed record AppealDocketed(Person By, DateOnly DocketedOn, string? GoodCause);

/// <summary>Closed without a decision on the merits; a provider defaulted for a no-show may petition to vacate by <paramref name="PetitionToVacateBy"/>.</summary>
internal sealed record AppealDismissed(Person By, DateOnly DismissedOn, DismissalReason Reason, string? Explanation, DateOnly? PetitionToVacateBy);

internal sealed record CaseAssigned(CaseRole Role, Person Assignee, Person By, string? Reason);

internal sealed record HearingScheduled(Hearing Hearing, Person By);

/// <summary>
/// A hearing moved. One the appellant asked for extends a client's 90-day clock by <paramref name="WaivedDays"/>, the
/// days between the old and new dates; a third such request needs a compelling reason.
/// </summary>
internal sealed record HearingRescheduled(
    Hearing Hearing, DateTimeOffset PreviousStart, string Reason, bool AppellantRequested, int WaivedDays, string? CompellingReason, Person By);

internal sealed record CaseSummaryFiled(Person By, DateOnly FiledOn, CaseSummaryParts Parts, IReadOnlyList<Guid> DocumentIds, bool OnTime);

internal sealed record AgencyAttendeesChanged(IReadOnlyList<Attendee> Attendees, Person By);

/// <summary>The appellant did not appear; they have until <paramref name="GoodCauseBy"/> to show good cause.</summary>
internal sealed record NoShowRecorded(Person By, DateOnly HearingOn, DateOnly GoodCauseBy);

/// <summary>The appellant showed good cause for missing the hearing: it is to be scheduled again.</summary>
internal sealed record GoodCauseAccepted(Person By, DateOnly AcceptedOn, string Reason);

/// <summary>
/// A provider's decision clock ran out without a decision: the appeal is decided in the provider's favour. Facts only;
/// <c>Viewing/AppealLabels</c> words them (ADR 0043). Events stored before <paramref name="Statute"/> was named read as § 32.1-325.1.
/// </summary>
internal sealed record DeemedInProviderFavour(
    DecisionLevel Level, DateOnly ClockEndedOn, DateOnly RecordedOn, DateOnly? FurtherAppealBy, DeemingStatute Statute = DeemingStatute.VirginiaCode32_1_325_1);

/// <summary>The law under which an appeal is deemed decided when its decision clock runs out.</summary>
internal enum DeemingStatute
{
    /// <summary>§ 32.1-325.1 of the Code of Virginia: no timely informal or final decision, the provider prevails.</summary>
    VirginiaCode32_1_325_1,
}

// Issue 22 part A (pages): the division sets or corrects the agency or contractor an appeal names.

/// <summary>
/// The division set or corrected the agency or contractor whose action is appealed (the filer may have chosen "not
/// listed / not sure", or the wrong one). <paramref name="From"/> loses sight of the case; <paramref name="To"/> is told.
/// </summary>
internal sealed record AgencyChanged(AgencyRef? From, AgencyRef To, Person By, string Reason);
