namespace Aims.Appeals.Model;

// What an appellant asks the Appeals Division for during a case, online, and the division's answer (ADR 0038).

/// <summary>The things an appellant may ask for while a case runs, each with its own window.</summary>
internal enum RequestKind
{
    /// <summary>A new date for the scheduled hearing or conference; asked before the day it is held.</summary>
    NewDate,

    /// <summary>Good cause for missing the hearing or conference, within the no-show window (12VAC30-110; § 2.2-4020.2).</summary>
    GoodCause,

    /// <summary>Exceptions (or a brief) to a recommended decision, within the exceptions window (§ 2.2-4020; 14 days [check]).</summary>
    Exceptions,
}

/// <summary>
/// The appellant (or whoever acts for them) asked the division for something; <paramref name="LastDay"/> is the last
/// day it could be asked, as computed then; a third new date needs <paramref name="CompellingReason"/>.
/// </summary>
internal sealed record DivisionRequestMade(Guid RequestId, RequestKind Kind, Person By, DateOnly MadeOn, DateOnly LastDay, string Reason, string? CompellingReason);

/// <summary>The division granted or refused a request, with the reason the appellant is told.</summary>
internal sealed record DivisionRequestAnswered(Guid RequestId, bool Granted, string Reason, Person By, DateOnly AnsweredOn);

/// <summary>A request as it stands: made, and answered or still waiting.</summary>
internal sealed record DivisionRequest(DivisionRequestMade Made, DivisionRequestAnswered? Answer)
{
    public Guid Id => Made.RequestId;

    public RequestKind Kind => Made.Kind;

    public bool Waiting => Answer is null;
}
