using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using Aims.Documents.Contracts;
using MediatR;

namespace Aims.Appeals.Cases;

/// <summary>
/// The clock on a representative's proof of authority (12VAC30-110-60), due the minute after the last day (New York time);
/// if the proof has not arrived, the appeal is flagged for the division and its case worker (or intake) is told.
/// </summary>
internal sealed record AuthorityProofCheck(Guid AppealId, DateOnly DueOn) : IMessage
{
    public static string Key(Guid appealId) => $"appeal:{appealId}:authority-proof";

    public static Task ScheduleAsync(IOutbox bus, BusinessCalendar calendar, Guid appealId, DateOnly dueOn, CancellationToken cancellationToken) =>
        bus.ScheduleAsync(
            new AuthorityProofCheck(appealId, dueOn), calendar.AtLocalTime(dueOn.AddDays(1), new TimeOnly(0, 1)), Key(appealId), cancellationToken);
}

internal sealed class AuthorityProofCheckHandler(EventStreams store, IOutbox bus) : INotificationHandler<AuthorityProofCheck>
{
    public async Task Handle(AuthorityProofCheck check, CancellationToken cancellationToken)
    {
        var appeal = await store.LoadAppealAsync(check.AppealId, cancellationToken);
        if (appeal is null || appeal.IsClosed || appeal.AuthorityUnproven || !appeal.AwaitsAuthorityProof)
        {
            return;
        }

        await store.AppendAsync(check.AppealId, appeal.Version, [new AuthorityProofOverdue(check.DueOn)], cancellationToken);
        var cn = appeal.CaseNumber;
        await bus.PublishAsync(
            new AppealReminderDue(
                appeal.Id, cn, $"AuthorityProofOverdue:{check.DueOn:yyyy-MM-dd}", Wording.English(new NoticeText($"Proof of authority not received: appeal {cn}",
                $"The representative who filed appeal {cn} for {appeal.AppellantName} had until {PortalDates.Day(check.DueOn)} to send proof of their " +
                "authority to act, and none has arrived. The appeal is flagged; review it and decide whether to dismiss it (authority not proven).")),
                ReminderAudience.CaseWorker),
            cancellationToken);
    }
}

/// <summary>
/// A proof of authority arrived: recorded on the appeal and the check cancelled, even after the appeal was flagged (whether
/// it cures the lateness is the division's call). A second delivery finds it recorded and does nothing.
/// </summary>
internal sealed class AuthorityProofArrival(EventStreams store, IOutbox bus, BusinessCalendar calendar) : INotificationHandler<DocumentAdded>
{
    public async Task Handle(DocumentAdded added, CancellationToken cancellationToken)
    {
        if (added.Category != DocumentCategory.ProofOfAuthority
            || await store.LoadAppealAsync(added.AppealId, cancellationToken) is not { AwaitsAuthorityProof: true, IsClosed: false } appeal)
        {
            return;
        }

        await store.AppendAsync(
            added.AppealId, appeal.Version, [new AuthorityProofReceived(added.DocumentId, added.Name, new Person(added.UploadedBy, added.UploadedByName), calendar.ToLocalDate(added.UploadedAt))], cancellationToken);
        await bus.CancelAsync(AuthorityProofCheck.Key(added.AppealId), cancellationToken);
    }
}
