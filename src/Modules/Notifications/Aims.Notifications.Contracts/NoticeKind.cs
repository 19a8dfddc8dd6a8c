using MediatR;

namespace Aims.Notifications.Contracts;

/// <summary>What a notice is about; people turn email off per kind, except the kinds the law requires.</summary>
public enum NoticeKind
{
    AppealFiledForAgency,
    AppealWithdrawnForAgency,
    RegistrationAwaitingReview,
    Decision,
    HearingNotice,
    Dismissal,
    AppealDocketed,
    Reminder,
    AppealWithdrawnForStaff,
}

public static class NoticeKinds
{
    /// <summary>Notices the law requires to be given (decisions, hearing notices, dismissals): always emailed.</summary>
    public static IReadOnlySet<NoticeKind> Required { get; } = new HashSet<NoticeKind> { NoticeKind.Decision, NoticeKind.HearingNotice, NoticeKind.Dismissal };

    public static string Describe(NoticeKind kind) => kind switch
    {
        NoticeKind.AppealFiledForAgency => "An appeal names your agency",
        NoticeKind.AppealWithdrawnForAgency => "An appeal naming your agency is withdrawn",
        NoticeKind.RegistrationAwaitingReview => "Agency access requests waiting for review",
        NoticeKind.Decision => "Decisions on your appeals",
        NoticeKind.HearingNotice => "Hearing and conference notices",
        NoticeKind.AppealDocketed => "Your appeal is docketed",
        NoticeKind.Reminder => "Reminders of due dates, hearings and decision deadlines",
        NoticeKind.Dismissal => "Dismissals",
        NoticeKind.AppealWithdrawnForStaff => "Withdrawals of appeals assigned to you",
        _ => kind.ToString(),
    };
}

/// <summary>How many unread notices a user has, for the header.</summary>
public sealed record CountUnreadNotices(Guid UserId) : IRequest<int>;
