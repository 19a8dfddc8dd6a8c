using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Cases;

/// <summary>
/// Scheduled checks keyed by appeal: a provider's decision clock (deemed in the provider's favour when it runs out) and a no-show's
/// good-cause window, due the minute after the last day (New York time); a timely decision or good cause leaves nothing to do.
/// </summary>
internal static class CaseClocks
{
    public static string DecisionClockKey(Guid appealId) => $"appeal:{appealId}:decision-clock";

    public static string NoShowKey(Guid appealId) => $"appeal:{appealId}:no-show";

    /// <summary>Cancels every check an appeal may have pending, as it closes.</summary>
    public static async Task CancelAllAsync(IOutbox bus, Guid appealId, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { AuthorityProofCheck.Key(appealId), DecisionClockKey(appealId), NoShowKey(appealId) })
        {
            await bus.CancelAsync(key, cancellationToken);
        }
    }

    public static Task ScheduleDecisionClockAsync(IOutbox bus, BusinessCalendar calendar, Guid appealId, DecisionLevel level, DateOnly dueOn, CancellationToken cancellationToken) =>
        bus.ScheduleAsync(new DecisionClockCheck(appealId, level, dueOn), AfterDay(calendar, dueOn), DecisionClockKey(appealId), cancellationToken);

    public static Task ScheduleNoShowAsync(IOutbox bus, BusinessCalendar calendar, Guid appealId, DateOnly goodCauseBy, CancellationToken cancellationToken) =>
        bus.ScheduleAsync(new NoShowWindowCheck(appealId, goodCauseBy), AfterDay(calendar, goodCauseBy), NoShowKey(appealId), cancellationToken);

    private static DateTimeOffset AfterDay(BusinessCalendar calendar, DateOnly day) => calendar.AtLocalTime(day.AddDays(1), new TimeOnly(0, 1));
}

/// <summary>A provider's informal (180-day) or final (60-day) decision clock ends (§ 32.1-325.1).</summary>
internal sealed record DecisionClockCheck(Guid AppealId, DecisionLevel Level, DateOnly DueOn) : IMessage;

/// <summary>A no-show's 10-day good-cause window ends.</summary>
internal sealed record NoShowWindowCheck(Guid AppealId, DateOnly GoodCauseBy) : IMessage;

internal sealed class DecisionClockCheckHandler(CaseWork work, AppealDeadlines deadlines, IOutbox bus, IStringLocalizer<AppealsText> t) : INotificationHandler<DecisionClockCheck>
{
    public async Task Handle(DecisionClockCheck check, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(check.AppealId, null, cancellationToken);
        var today = work.Today;
        var furtherBy = check.Level == DecisionLevel.Informal ? deadlines.FurtherAppealBy(DecisionLevel.Informal, today) : deadlines.FurtherAppealBy(DecisionLevel.Final, today);
        if (appeal.Deem(check.Level, check.DueOn, today, furtherBy) is not { } deemed)
        {
            return;
        }

        await work.AppendAsync(appeal, deemed, cancellationToken);
        await bus.PublishAsync(CaseAnnouncements.Decided(appeal, appeal.Decisions[^1], t), cancellationToken);
    }
}

/// <summary>
/// The good-cause window closed with the no-show still standing: a client appeal is closed (12VAC30-110); a provider is
/// defaulted and may petition to vacate within 15 days (§ 2.2-4020.2).
/// </summary>
internal sealed class NoShowWindowCheckHandler(CaseWork work, AppealDeadlines deadlines, IOutbox bus) : INotificationHandler<NoShowWindowCheck>
{
    public async Task Handle(NoShowWindowCheck check, CancellationToken cancellationToken)
    {
        var appeal = await work.LoadAsync(check.AppealId, null, cancellationToken);
        // Good cause asked for in time waits for the division's answer, which closes the case if it refuses (ADR 0038).
        if (appeal.IsClosed || appeal.NoShow?.GoodCauseBy != check.GoodCauseBy || appeal.WaitingRequest(RequestKind.GoodCause) is not null)
        {
            return;
        }

        var today = work.Today;
        var dismissed = appeal.Dismiss(new Person(Guid.Empty, "AIMS"), today, DismissalReason.NoShowWithoutGoodCause,
            $"No good cause was shown by {check.GoodCauseBy:MM/dd/yyyy} for missing the {Viewing.AppealLabels.Hearing(appeal.Kind)}.", deadlines.PetitionToVacateBy(today));
        await work.AppendAsync(appeal, dismissed, cancellationToken);
        await bus.PublishAsync(CaseAnnouncements.Dismissed(appeal, dismissed), cancellationToken);
        await bus.PublishAsync(
            new AppealReminderDue(
                appeal.Id, appeal.CaseNumber, $"NoShowWindowEnded:{check.GoodCauseBy:yyyy-MM-dd}", Wording.English(new NoticeText($"Good-cause window ended: appeal {appeal.CaseNumber} closed",
                $"No good cause was shown by {PortalDates.Day(check.GoodCauseBy)} for missing the {Viewing.AppealLabels.Hearing(appeal.Kind)} on appeal {appeal.CaseNumber}, so " +
                $"AIMS dismissed it today. {(dismissed.PetitionToVacateBy is { } by ? $"The provider may petition to vacate by {PortalDates.Day(by)}." : "")}".TrimEnd())),
                ReminderAudience.CaseWorker),
            cancellationToken);
    }
}
