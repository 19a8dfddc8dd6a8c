using Aims.Appeals.Contracts;
using Aims.Notifications.Contracts;
using MediatR;

namespace Aims.Notifications.Appeals;

/// <summary>
/// Delivers the reminders Appeals schedules on an appeal's dates to whoever it named, once per reminder and date, in
/// each reader's language from the wordings Appeals sent (ADR 0026).
/// </summary>
internal sealed class AppealReminderNotices(AppealAudiences audiences) : INotificationHandler<AppealReminderDue>
{
    public Task Handle(AppealReminderDue reminder, CancellationToken cancellationToken) => audiences.TellAsync(
        reminder.AppealId, reminder.Audience, NoticeKind.Reminder, $"reminder:{reminder.AppealId}:{reminder.Cause}", () => reminder.Text.Current,
        attachments: null, reminder.Recipients, cancellationToken);
}
