using Aims.Appeals.Model;
using Aims.BuildingBlocks.EventSourcing;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using MediatR;

namespace Aims.Appeals.Filing;

/// <summary>
/// The clock on a representative's proof of authority (12VAC30-110-60): scheduled when the appeal is filed, due the
/// first minute after the last day (New York time), cancelled when the appeal is withdrawn. If the proof has not
/// arrived then, the appeal is flagged for the Appeals Division to find it invalid.
/// </summary>
internal sealed record AuthorityProofCheck(Guid AppealId, DateOnly DueOn) : IMessage
{
    public static string Key(Guid appealId) => $"appeal:{appealId}:authority-proof";

    public static Task ScheduleAsync(IMessageBus bus, BusinessCalendar calendar, Guid appealId, DateOnly dueOn, CancellationToken cancellationToken) =>
        bus.ScheduleAsync(
            new AuthorityProofCheck(appealId, dueOn), calendar.AtLocalTime(dueOn.AddDays(1), new TimeOnly(0, 1)), Key(appealId), cancellationToken);
}

internal sealed class AuthorityProofCheckHandler(EventStore store) : INotificationHandler<AuthorityProofCheck>
{
    public async Task Handle(AuthorityProofCheck check, CancellationToken cancellationToken)
    {
        var appeal = await store.LoadAsync<Appeal>(check.AppealId, cancellationToken);
        if (appeal is null || appeal.IsClosed || appeal.AuthorityUnproven)
        {
            return;
        }

        await store.AppendAsync(check.AppealId, appeal.Version, [new AuthorityProofOverdue(check.DueOn)], cancellationToken);
    }
}
