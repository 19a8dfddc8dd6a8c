namespace Aims.Appeals.Model;

// The facts an appeal's stream holds. Each carries the dates computed when it happened, so the record shows what the
// appellant was told then even if a setting changes later; who acted and when is on the stored event as well.

internal sealed record Person(Guid UserId, string Name);

internal sealed record ProviderRef(Guid Id, string Name, string Npi);

internal sealed record AgencyRef(Guid Id, string Name);

internal sealed record ContactDetails(string Name, string Phone, string Email);

internal sealed record DisputedItem(string Reference, decimal Amount, string Reason);

/// <summary>An MCO member's exhaustion of the MCO's internal appeal (12VAC30-120-640; 42 CFR 438.408(c)(3)).</summary>
internal sealed record McoExhaustion(DateOnly? FinalDecisionDate, bool DidNotDecideInTime);

internal enum FilerCapacity
{
    Self,
    Parent,
    Guardian,
    AuthorizedRepresentative,
}

internal enum DecisionLevel
{
    Informal,
    Recommended,
    Final,
    Hearing,
}

internal sealed record InformalAppealFiled(
    string CaseNumber, Person FiledBy, ProviderRef Provider, AgencyRef? Agency, string ActionType, DateOnly NoticeDate, ReceiptMethod ReceivedBy,
    DateOnly? McoFinalLetterDate, IReadOnlyList<DisputedItem> Items, string DesiredOutcome, ContactDetails Contact,
    DateOnly FiledOn, DateOnly ReceivedOn, DateOnly LastDayToFile, bool Timely, DateOnly DecisionDue);

/// <summary>
/// A formal appeal of an informal decision, filed from the informal appeal in AIMS or, when <paramref name="InformalOutsideAims"/>
/// (then <paramref name="InformalAppealId"/> is empty), from the case number and decision letter the provider gives (ADR 0038).
/// </summary>
internal sealed record FormalAppealFiled(
    string CaseNumber, Person FiledBy, ProviderRef Provider, AgencyRef? Agency, Guid InformalAppealId, string InformalCaseNumber,
    DateOnly InformalDecisionDate, ReceiptMethod DecisionReceivedBy, string Grounds, ContactDetails Contact,
    DateOnly FiledOn, DateOnly ReceivedOn, DateOnly LastDayToFile, bool Timely, DateOnly RecommendationDue, bool InformalOutsideAims = false)
{
    /// <summary>The action a formal appeal appeals, as a code: the informal decision, named by its case number.</summary>
    public const string Action = "InformalDecision";
}

internal sealed record ClientAppealFiled(
    string CaseNumber, Person FiledBy, FilerCapacity Capacity, string AppellantName, string MedicaidId, AgencyRef? Agency,
    string ActionType, string ActionDescription, DateOnly NoticeDate, DateOnly? EffectiveDate, bool ContinuesBenefits,
    ExpeditedTrack? Expedited, string? ExpeditedReason, McoExhaustion? Mco, ContactDetails Contact,
    DateOnly FiledOn, DateOnly ReceivedOn, DateOnly LastDayToFile, bool Timely, DateOnly DecisionDue, DateOnly? AuthorityProofDue);

/// <summary>On an informal appeal's stream: the provider took it further; the formal case carries its record forward.</summary>
internal sealed record FormalAppealStarted(Guid FormalAppealId, string FormalCaseNumber, Person By);

internal sealed record WithdrawnByAppellant(Person By, DateOnly WithdrawnOn, string? Reason);

/// <summary>
/// A decision, its PDF <paramref name="DocumentId"/>; <paramref name="FurtherAppealBy"/> is the last day to take it further
/// (exceptions, for a recommended one, which starts <paramref name="FinalDecisionDue"/>). A deemed one: facts only (ADR 0043).
/// </summary>
internal sealed record DecisionIssued(
    DecisionLevel Level, DateOnly DecidedOn, string Outcome, string Text, Person By, DateOnly? FurtherAppealBy,
    Guid? DocumentId = null, DecisionParts? Parts = null, DateOnly? FinalDecisionDue = null, DeemedInProviderFavour? Deemed = null);

/// <summary>A representative's proof of authority did not arrive within 10 days: the appeal is flagged for invalidation.</summary>
internal sealed record AuthorityProofOverdue(DateOnly DueOn);

/// <summary>A document categorised as proof of the representative's authority was added to the appeal.</summary>
internal sealed record AuthorityProofReceived(Guid DocumentId, string DocumentName, Person By, DateOnly ReceivedOn);
