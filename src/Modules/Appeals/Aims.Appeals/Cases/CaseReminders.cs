using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.EventSourcing;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using MediatR;

namespace Aims.Appeals.Cases;

internal enum ReminderKind
{
    SummaryDueSoon,
    SummaryOverdue,
    HearingInSevenDays,
    HearingTomorrow,
    ClockFourteenDays,
    ClockSevenDays,
    ClockOneDay,
    ClockPassed,
    FormalAppealDayTwenty,
}

/// <summary>A reminder about one date on an appeal; it fires only if that date still stands when it is due.</summary>
internal sealed record CaseReminder(Guid AppealId, ReminderKind Kind, DateOnly ForDate) : IMessage;

/// <summary>
/// The reminders Appeals owns (issue 8), scheduled in the transaction that sets their date and keyed per appeal and
/// kind, so a moved hearing or a waived clock moves them and a filed summary, a decision or a closure cancels them:
/// the agency's summary (3 business days before, and the day after it was due), the hearing or conference (7 days and
/// 1 day before, 09:00 New York), the decision clock (14, 7 and 1 days before and when passed; an expedited clock 1
/// working day before and when passed) and a provider's formal-appeal window (day 20 of 30). A reminder whose moment
/// has already passed when it is set is not sent late.
/// </summary>
internal static class CaseReminders
{
    private static readonly TimeOnly Morning = new(9, 0);

    public static string Key(Guid appealId, ReminderKind kind) => $"appeal:{appealId}:remind:{kind}";

    /// <summary>The reminders a closed appeal no longer needs (all but the formal-appeal window, which follows the decision).</summary>
    public static IEnumerable<string> OpenCaseKeys(Guid appealId) =>
        Enum.GetValues<ReminderKind>().Where(k => k != ReminderKind.FormalAppealDayTwenty).Select(k => Key(appealId, k));

    public static async Task ScheduleHearingAsync(IMessageBus bus, BusinessCalendar calendar, DateTimeOffset now, Appeal appeal, Hearing hearing, CancellationToken cancellationToken)
    {
        var day = calendar.ToLocalDate(hearing.StartsAt);
        await SetAsync(bus, now, appeal.Id, ReminderKind.HearingInSevenDays, day, calendar.AtLocalTime(day.AddDays(-7), Morning), cancellationToken);
        await SetAsync(bus, now, appeal.Id, ReminderKind.HearingTomorrow, day, calendar.AtLocalTime(day.AddDays(-1), Morning), cancellationToken);
        if (hearing.SummaryDue is { } due && appeal.CaseSummary is null)
        {
            await SetAsync(bus, now, appeal.Id, ReminderKind.SummaryDueSoon, due, calendar.AtLocalTime(calendar.AddBusinessDays(due, -3), Morning), cancellationToken);
            await SetAsync(bus, now, appeal.Id, ReminderKind.SummaryOverdue, due, calendar.AtLocalTime(due.AddDays(1), Morning), cancellationToken);
        }
    }

    public static async Task CancelAsync(IMessageBus bus, Guid appealId, CancellationToken cancellationToken, params ReminderKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            await bus.CancelAsync(Key(appealId, kind), cancellationToken);
        }
    }

    /// <summary>Sets the running decision clock's reminders; called when the clock starts or moves.</summary>
    public static async Task ScheduleClockAsync(IMessageBus bus, BusinessCalendar calendar, DateTimeOffset now, Appeal appeal, CancellationToken cancellationToken)
    {
        if (appeal.RunningClock is not { } clock)
        {
            return;
        }

        var due = clock.Due;
        if (appeal.Expedited)
        {
            await SetAsync(bus, now, appeal.Id, ReminderKind.ClockOneDay, due, calendar.AtLocalTime(calendar.AddBusinessDays(due, -1), Morning), cancellationToken);
            await CancelAsync(bus, appeal.Id, cancellationToken, ReminderKind.ClockFourteenDays, ReminderKind.ClockSevenDays);
        }
        else
        {
            await SetAsync(bus, now, appeal.Id, ReminderKind.ClockFourteenDays, due, calendar.AtLocalTime(due.AddDays(-14), Morning), cancellationToken);
            await SetAsync(bus, now, appeal.Id, ReminderKind.ClockSevenDays, due, calendar.AtLocalTime(due.AddDays(-7), Morning), cancellationToken);
            await SetAsync(bus, now, appeal.Id, ReminderKind.ClockOneDay, due, calendar.AtLocalTime(due.AddDays(-1), Morning), cancellationToken);
        }

        await SetAsync(bus, now, appeal.Id, ReminderKind.ClockPassed, due, calendar.AtLocalTime(due.AddDays(1), Morning), cancellationToken);
    }

    public static Task ScheduleFormalWindowAsync(IMessageBus bus, BusinessCalendar calendar, DateTimeOffset now, Guid appealId, DateOnly decidedOn, CancellationToken cancellationToken) =>
        SetAsync(bus, now, appealId, ReminderKind.FormalAppealDayTwenty, decidedOn, calendar.AtLocalTime(decidedOn.AddDays(20), Morning), cancellationToken);

    private static async Task SetAsync(IMessageBus bus, DateTimeOffset now, Guid appealId, ReminderKind kind, DateOnly forDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (at > now)
        {
            await bus.ScheduleAsync(new CaseReminder(appealId, kind, forDate), at, Key(appealId, kind), cancellationToken);
        }
        else
        {
            await bus.CancelAsync(Key(appealId, kind), cancellationToken);
        }
    }
}

/// <summary>Checks that the reminder's date still stands and says what to tell whom.</summary>
internal sealed class CaseReminderHandler(EventStore store, IMessageBus bus, BusinessCalendar calendar) : INotificationHandler<CaseReminder>
{
    public async Task Handle(CaseReminder reminder, CancellationToken cancellationToken)
    {
        if (await store.LoadAsync<Appeal>(reminder.AppealId, cancellationToken) is not { } appeal || Compose(appeal, reminder) is not { } due)
        {
            return;
        }

        await bus.PublishAsync(due, cancellationToken);
    }

    private AppealReminderDue? Compose(Appeal appeal, CaseReminder reminder)
    {
        var cn = appeal.CaseNumber;
        var cause = $"{reminder.Kind}:{reminder.ForDate:yyyy-MM-dd}";
        var what = appeal.Kind == AppealKind.ProviderInformal ? "Informal fact-finding conference" : "Hearing";
        var summary = appeal.Kind == AppealKind.Client ? "appeal summary" : "case summary";
        switch (reminder.Kind)
        {
            case ReminderKind.SummaryDueSoon or ReminderKind.SummaryOverdue when !appeal.IsClosed && appeal.CaseSummary is null && appeal.Hearing?.SummaryDue == reminder.ForDate:
                return reminder.Kind == ReminderKind.SummaryDueSoon
                    ? new(appeal.Id, cn, cause, $"The {summary} for appeal {cn} is due {reminder.ForDate:MM/dd/yyyy}",
                        $"The agency's {summary} for appeal {cn} is due by {EmailText.Day(reminder.ForDate)}, three business days from now, before the " +
                        $"{appeal.HearingWord} on {EmailText.Eastern(appeal.Hearing!.StartsAt)}. File it on the appeal's page in AIMS.",
                        ReminderAudience.Agency | ReminderAudience.CaseWorker)
                    : new(appeal.Id, cn, cause, $"The {summary} for appeal {cn} is overdue",
                        $"The agency's {summary} for appeal {cn} was due by {EmailText.Day(reminder.ForDate)} and has not been filed. The {appeal.HearingWord} on " +
                        $"{EmailText.Eastern(appeal.Hearing!.StartsAt)} is flagged as not ready. File it on the appeal's page in AIMS at once.",
                        ReminderAudience.Agency | ReminderAudience.CaseWorker);
            case ReminderKind.HearingInSevenDays or ReminderKind.HearingTomorrow
                when appeal.Status == AppealStatus.Scheduled && appeal.NoShow is null && calendar.ToLocalDate(appeal.Hearing!.StartsAt) == reminder.ForDate:
                var when = reminder.Kind == ReminderKind.HearingTomorrow ? "tomorrow" : "in 7 days";
                return new(appeal.Id, cn, cause, $"{what} {when}: appeal {cn}",
                    $"Reminder: the {appeal.HearingWord} on appeal {cn} is {EmailText.Eastern(appeal.Hearing.StartsAt)}, " +
                    $"{Viewing.AppealLabels.Channel(appeal.Hearing.Channel).ToLowerInvariant()}.\n\nHow to join: {appeal.Hearing.Details}\n\nIf you cannot attend, call the Appeals Division at once.",
                    ReminderAudience.Parties | ReminderAudience.Agency | ReminderAudience.Attendees | ReminderAudience.Decider);
            case ReminderKind.ClockFourteenDays or ReminderKind.ClockSevenDays or ReminderKind.ClockOneDay or ReminderKind.ClockPassed
                when appeal.RunningClock is { } clock && clock.Due == reminder.ForDate:
                var subject = reminder.Kind switch
                {
                    ReminderKind.ClockFourteenDays => $"Decision due in 14 days: appeal {cn}",
                    ReminderKind.ClockSevenDays => $"Decision due in 7 days: appeal {cn}",
                    ReminderKind.ClockOneDay => appeal.Expedited ? $"Expedited decision due next working day: appeal {cn}" : $"Decision due tomorrow: appeal {cn}",
                    _ => $"Decision overdue: appeal {cn}",
                };
                return new(appeal.Id, cn, cause, subject,
                    $"{clock.Name} on appeal {cn} {(reminder.Kind == ReminderKind.ClockPassed ? "was" : "is")} due {EmailText.Day(clock.Due)}" +
                    (appeal.WaivedDays > 0 ? $" ({appeal.WaivedDays} days added at the appellant's request)" : "") +
                    $". Status: {Viewing.AppealLabels.Status(appeal.Status).ToLowerInvariant()}; decided by {appeal.Decider?.Name ?? "nobody assigned yet"}.",
                    ReminderAudience.Decider | ReminderAudience.CaseWorker | ReminderAudience.Administrators);
            case ReminderKind.FormalAppealDayTwenty when appeal.FormalAppeal is null && appeal.InformalDecision is { } informal && informal.DecidedOn == reminder.ForDate:
                return new(appeal.Id, cn, cause, $"10 days left to file a formal appeal: appeal {cn}",
                    $"The informal decision on appeal {cn} was issued {EmailText.Day(informal.DecidedOn)}: {informal.Outcome}. If you want a formal appeal, " +
                    $"file it by {EmailText.Day(informal.FurtherAppealBy ?? informal.DecidedOn.AddDays(30))}: open the appeal in AIMS and choose \"File a formal appeal\".",
                    ReminderAudience.Parties);
            default:
                return null;
        }
    }
}
