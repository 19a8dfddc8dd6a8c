using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Web;
using MediatR;

namespace Aims.Appeals.Contracts;

// What the Appeals Division did on an appeal, for the parties to be told (Notifications). Each names the agency so its
// coordinators hear too; the parties themselves come from GetAppealRecipients.

/// <summary>The appeal was accepted for a hearing or conference.</summary>
public sealed record CaseDocketed(Guid AppealId, string CaseNumber, AppealKind Kind, Guid? AgencyId, DateOnly DocketedOn) : IIntegrationEvent;

/// <summary>The appeal was dismissed; <paramref name="PetitionToVacateBy"/> for a provider defaulted for not appearing.</summary>
public sealed record CaseDismissed(Guid AppealId, string CaseNumber, Guid? AgencyId, DateOnly DismissedOn, string Reason, string? Explanation, DateOnly? PetitionToVacateBy)
    : IIntegrationEvent;

/// <summary>
/// A hearing or conference was set or moved. <paramref name="Sequence"/> lets calendar invitations replace earlier ones;
/// <paramref name="OnlyAttendees"/> resends it to attendees named later; <paramref name="GoodCauseDays"/>: to show good cause.
/// </summary>
public sealed record HearingNoticeIssued(
    Guid AppealId, string CaseNumber, Guid? AgencyId, bool Conference, DateTimeOffset StartsAt, string Channel, string Details, int Sequence,
    DateTimeOffset? PreviousStart, string? Reason, DateOnly? SummaryDue, int GoodCauseDays, IReadOnlyList<string>? OnlyAttendees = null) : IIntegrationEvent;

/// <summary>
/// The appeal closed (withdrawn, dismissed, decided) before its hearing or conference: calendars drop the event the
/// notices of <paramref name="Sequence"/> - 1 and earlier put there.
/// </summary>
public sealed record HearingCancelled(
    Guid AppealId, string CaseNumber, Guid? AgencyId, bool Conference, DateTimeOffset StartsAt, string Channel, string Details, int Sequence) : IIntegrationEvent;

/// <summary>
/// A decision was issued, or the law deemed one. <paramref name="Decision"/> (its name) and <paramref name="Outcome"/>
/// are from fixed English lists; <paramref name="FurtherStep"/> says what may follow and by when, in each portal language.
/// </summary>
public sealed record CaseDecided(
    Guid AppealId, string CaseNumber, Guid? AgencyId, string Decision, string Outcome, DateOnly DecidedOn, Wording<string>? FurtherStep, Guid? DocumentId)
    : IIntegrationEvent;

/// <summary>Who is told about an appeal: its parties' accounts, contacts known only by email, the agency and its attendees, its assigned staff.</summary>
public sealed record GetAppealRecipients(Guid AppealId) : IRequest<AppealRecipients?>;

public sealed record AppealRecipients(
    IReadOnlyList<Guid> PartyUserIds, IReadOnlyList<AppealContact> Contacts, Guid? AgencyId, IReadOnlyList<AppealContact> Attendees, Guid? CaseWorkerId = null, Guid? DeciderId = null);

public sealed record AppealContact(string Name, string Email);

/// <summary>Who a reminder is for; Notifications resolves each to people.</summary>
[Flags]
public enum ReminderAudience
{
    None = 0,
    Parties = 1,
    Agency = 2,
    Attendees = 4,
    CaseWorker = 8,
    Decider = 16,
    Administrators = 32,

    /// <summary>The assigned case worker only: unlike <see cref="CaseWorker"/>, nobody while none is assigned.</summary>
    AssignedCaseWorker = 64,
}

/// <summary>A date on an appeal is near or passed, worded per language (ADR 0026); <paramref name="Cause"/> is unique per
/// reminder and date, so a redelivery tells nobody twice. <paramref name="Recipients"/>: the appeal's when it fired
/// (ADR 0055); null (a previous version's event) means ask Appeals.</summary>
public sealed record AppealReminderDue(
    Guid AppealId, string CaseNumber, string Cause, Wording<NoticeText> Text, ReminderAudience Audience, AppealRecipients? Recipients = null)
    : IIntegrationEvent;

// Issue 22 part A (pages).

/// <summary>
/// The division set or corrected the agency or contractor an appeal names (<paramref name="AgencyId"/>); its
/// coordinators are told, as when an appeal is filed naming them. <paramref name="Version"/> makes each change its own notice.
/// </summary>
public sealed record AppealAgencyChanged(Guid AppealId, string CaseNumber, Guid AgencyId, string AppellantName, long Version) : IIntegrationEvent;
