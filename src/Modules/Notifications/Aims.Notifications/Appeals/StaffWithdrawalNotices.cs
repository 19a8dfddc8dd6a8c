using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Web;
using Aims.Notifications.Contracts;
using MediatR;

namespace Aims.Notifications.Appeals;

/// <summary>
/// Tells an appeal's assigned staff the appellant withdrew it, so nobody prepares a hearing or decision that will not
/// happen; an appeal still in intake just leaves the queue.
/// </summary>
internal sealed class StaffWithdrawalNotices(AppealAudiences audiences) : INotificationHandler<AppealWithdrawn>
{
    public Task Handle(AppealWithdrawn withdrawn, CancellationToken cancellationToken) => audiences.TellAsync(
        withdrawn.AppealId,
        ReminderAudience.AssignedCaseWorker | ReminderAudience.Decider,
        NoticeKind.AppealWithdrawnForStaff,
        $"withdrawn-staff:{withdrawn.AppealId}",
        $"Appeal {withdrawn.CaseNumber} withdrawn",
        $"{withdrawn.AppellantName} withdrew appeal {withdrawn.CaseNumber} on {PortalDates.Day(withdrawn.WithdrawnOn)}" +
        (withdrawn.Reason is null ? "." : $", saying: \"{withdrawn.Reason}\".") +
        " The case is closed: any hearing or conference on it will not take place, and its deadlines and reminders are cancelled." +
        " Nothing more is due from you on it; its record stays in AIMS.",
        attachments: null,
        cancellationToken);
}
