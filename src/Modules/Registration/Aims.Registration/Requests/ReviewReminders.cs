using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Requests;

/// <summary>
/// The 2-business-day reply promise: a request still pending 1 and 2 business days on is announced at 09:00 Richmond
/// time; scheduled with the request, cancelled by the decision.
/// </summary>
internal sealed record ReviewReminder(Guid RequestId, int BusinessDays) : IMessage;

internal static class ReviewReminders
{
    private static readonly int[] After = [1, 2];

    private static readonly TimeOnly At = new(9, 0);

    public static async Task ScheduleAsync(IOutbox bus, BusinessCalendar calendar, Guid requestId, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        var submittedOn = calendar.ToLocalDate(submittedAt);
        foreach (var days in After)
        {
            await bus.ScheduleAsync(
                new ReviewReminder(requestId, days), calendar.AtLocalTime(calendar.AddBusinessDays(submittedOn, days), At), Key(requestId, days), cancellationToken);
        }
    }

    public static async Task CancelAsync(IOutbox bus, Guid requestId, CancellationToken cancellationToken)
    {
        foreach (var days in After)
        {
            await bus.CancelAsync(Key(requestId, days), cancellationToken);
        }
    }

    private static string Key(Guid requestId, int days) => $"access-request:{requestId}:review-{days}";
}

internal sealed class ReviewReminderHandler(RegistrationDbContext db, IOutbox bus) : INotificationHandler<ReviewReminder>
{
    public async Task Handle(ReviewReminder reminder, CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == reminder.RequestId && r.Status == AccessRequestStatus.Pending, cancellationToken);
        if (request is not null)
        {
            await bus.PublishAsync(
                new AccessRequestAwaitingReview(request.Id, request.AgencyName, request.RequesterName, request.SubmittedAt, reminder.BusinessDays), cancellationToken);
        }
    }
}
