using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using MediatR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

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

/// <summary>The reminders Appeals owns (issue 8), at 09:00 New York time: the agency's summary (3 business days before, day after),
/// the hearing (7 and 1 days before), the decision clock (14, 7, 1 days before and day after; expedited 1 working day before and after)
/// and a provider's formal-appeal window (day 20 of 30). Every change re-plans them all in its transaction, keyed per appeal and kind
/// (an upsert that moves or cancels them); a reminder whose moment has passed is not sent late.</summary>
internal static class CaseReminders
{
    private static readonly TimeOnly Morning = new(9, 0);

    public static string Key(Guid appealId, ReminderKind kind) => $"appeal:{appealId}:remind:{kind}";

    public static async Task PlanAsync(IOutbox bus, BusinessCalendar calendar, DateTimeOffset now, Appeal appeal, CancellationToken cancellationToken)
    {
        var plan = new Dictionary<ReminderKind, (DateOnly ForDate, DateTimeOffset At)>();
        if (!appeal.IsClosed && appeal.Status == AppealStatus.Scheduled && appeal.NoShow is null && appeal.Hearing is { } hearing)
        {
            var day = calendar.ToLocalDate(hearing.StartsAt);
            plan[ReminderKind.HearingInSevenDays] = (day, calendar.AtLocalTime(day.AddDays(-7), Morning));
            plan[ReminderKind.HearingTomorrow] = (day, calendar.AtLocalTime(day.AddDays(-1), Morning));
        }

        if (!appeal.IsClosed && appeal.CaseSummary is null && appeal.Hearing?.SummaryDue is { } summaryDue)
        {
            plan[ReminderKind.SummaryDueSoon] = (summaryDue, calendar.AtLocalTime(calendar.AddBusinessDays(summaryDue, -3), Morning));
            plan[ReminderKind.SummaryOverdue] = (summaryDue, calendar.AtLocalTime(summaryDue.AddDays(1), Morning));
        }

        if (appeal.RunningClock is { } clock)
        {
            var due = clock.Due;
            if (appeal.Expedited)
            {
                plan[ReminderKind.ClockOneDay] = (due, calendar.AtLocalTime(calendar.AddBusinessDays(due, -1), Morning));
            }
            else
            {
                plan[ReminderKind.ClockFourteenDays] = (due, calendar.AtLocalTime(due.AddDays(-14), Morning));
                plan[ReminderKind.ClockSevenDays] = (due, calendar.AtLocalTime(due.AddDays(-7), Morning));
                plan[ReminderKind.ClockOneDay] = (due, calendar.AtLocalTime(due.AddDays(-1), Morning));
            }

            plan[ReminderKind.ClockPassed] = (due, calendar.AtLocalTime(due.AddDays(1), Morning));
        }

        if (appeal.Kind == AppealKind.ProviderInformal && appeal.FormalAppeal is null && appeal.InformalDecision is { } informal)
        {
            plan[ReminderKind.FormalAppealDayTwenty] = (informal.DecidedOn, calendar.AtLocalTime(informal.DecidedOn.AddDays(20), Morning));
        }

        foreach (var kind in Enum.GetValues<ReminderKind>())
        {
            if (plan.TryGetValue(kind, out var when) && when.At > now)
            {
                await bus.ScheduleAsync(new CaseReminder(appeal.Id, kind, when.ForDate), when.At, Key(appeal.Id, kind), cancellationToken);
            }
            else
            {
                await bus.CancelAsync(Key(appeal.Id, kind), cancellationToken);
            }
        }
    }
}

/// <summary>
/// Checks the reminder's date still stands and says what to tell whom: outsiders in each portal language, the decision
/// clock's reminders to staff alone, in English (ADR 0026).
/// </summary>
internal sealed class CaseReminderHandler(
    EventStreams store, IOutbox bus, BusinessCalendar calendar, IStringLocalizer<AppealsText> t, IOptions<Rules.AppealRulesOptions> rules) : INotificationHandler<CaseReminder>
{
    public async Task Handle(CaseReminder reminder, CancellationToken cancellationToken)
    {
        if (await store.LoadAppealAsync(reminder.AppealId, cancellationToken) is not { } appeal || Compose(appeal, reminder) is not { } due)
        {
            return;
        }

        // Who is told goes with it: Notifications would otherwise read and fold the same stream again (ADR 0055).
        await bus.PublishAsync(due with { Recipients = Access.GetAppealRecipientsHandler.Of(appeal) }, cancellationToken);
    }

    private AppealReminderDue? Compose(Appeal appeal, CaseReminder reminder)
    {
        var cn = appeal.CaseNumber;
        var cause = $"{reminder.Kind}:{reminder.ForDate:yyyy-MM-dd}";
        var summary = appeal.Kind == AppealKind.Client ? "appeal summary" : "case summary";
        // The capitalized names are the keys: a resource file cannot also hold "hearing" beside "Hearing".
        var what = appeal.Kind == AppealKind.ProviderInformal ? "Informal fact-finding conference" : "Hearing";
        string HearingWord() => t[what].Value.ToLowerInvariant();
        switch (reminder.Kind)
        {
            case ReminderKind.SummaryDueSoon or ReminderKind.SummaryOverdue when !appeal.IsClosed && appeal.CaseSummary is null && appeal.Hearing?.SummaryDue == reminder.ForDate:
                var hearingAt = appeal.Hearing!.StartsAt;
                return new(appeal.Id, cn, cause, Wording.InEachLanguage(() => reminder.Kind == ReminderKind.SummaryDueSoon
                        ? new NoticeText(
                            t["The {0} for appeal {1} is due {2}", t[summary], cn, PortalDates.Date(reminder.ForDate)],
                            t["The agency's {0} for appeal {1} is due by {2}, three business days from now, before the {3} on {4}. File it on the appeal's page in AIMS.",
                                t[summary], cn, PortalDates.Day(reminder.ForDate), HearingWord(), PortalDates.Eastern(hearingAt)])
                        : new NoticeText(
                            t["The {0} for appeal {1} is overdue", t[summary], cn],
                            t["The agency's {0} for appeal {1} was due by {2} and has not been filed. The {3} on {4} is flagged as not ready. File it on the appeal's page in AIMS at once.",
                                t[summary], cn, PortalDates.Day(reminder.ForDate), HearingWord(), PortalDates.Eastern(hearingAt)])),
                    ReminderAudience.Agency | ReminderAudience.CaseWorker);
            case ReminderKind.HearingInSevenDays or ReminderKind.HearingTomorrow
                when appeal.Status == AppealStatus.Scheduled && appeal.NoShow is null && calendar.ToLocalDate(appeal.Hearing!.StartsAt) == reminder.ForDate:
                var hearing = appeal.Hearing;
                return new(appeal.Id, cn, cause, Wording.InEachLanguage(() => new NoticeText(
                        t["{0} {1}: appeal {2}", t[what],
                            reminder.Kind == ReminderKind.HearingTomorrow ? t["tomorrow"] : t["in 7 days"], cn],
                        t["Reminder: the {0} on appeal {1} is {2}, {3}.", HearingWord(), cn, PortalDates.Eastern(hearing.StartsAt),
                            t[Viewing.AppealLabels.Channel(hearing.Channel)].Value.ToLowerInvariant()] +
                        "\n\n" + t["How to join: {0}", hearing.Details] + "\n\n" + t["If you cannot attend, call the Appeals Division at once."])),
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
                return new(appeal.Id, cn, cause, Wording.English(new NoticeText(subject,
                    $"{Viewing.AppealLabels.Clock(clock.Kind, rules.Value)} on appeal {cn} {(reminder.Kind == ReminderKind.ClockPassed ? "was" : "is")} due {PortalDates.Day(clock.Due)}" +
                    (appeal.WaivedDays > 0 ? $" ({appeal.WaivedDays} days added at the appellant's request)" : "") +
                    $". Status: {Viewing.AppealLabels.Status(appeal.Status).ToLowerInvariant()}; decided by {appeal.Decider?.Name ?? "nobody assigned yet"}." +
                    (reminder.Kind == ReminderKind.ClockPassed ? " Issue the decision now, on the appeal's page in AIMS."
                        : appeal.Kind == AppealKind.Client ? " Issue the decision by then, on the appeal's page in AIMS."
                        : " Issue the decision by then, on the appeal's page in AIMS: if none is issued, the appeal is deemed decided in the provider's favour."))),
                    ReminderAudience.Decider | ReminderAudience.CaseWorker | ReminderAudience.Administrators);
            case ReminderKind.FormalAppealDayTwenty when appeal.FormalAppeal is null && appeal.InformalDecision is { } informal && informal.DecidedOn == reminder.ForDate:
                var lastDay = informal.FurtherAppealBy ?? informal.DecidedOn.AddDays(30);
                return new(appeal.Id, cn, cause, Wording.InEachLanguage(() => new NoticeText(
                        t["{1} days left to file a formal appeal: appeal {0}", cn, lastDay.DayNumber - informal.DecidedOn.AddDays(20).DayNumber],
                        t["The informal decision on appeal {0} was issued {1}: {2}. If you want a formal appeal, file it by {3}: open the appeal in AIMS and choose \"{4}\".",
                            cn, PortalDates.Day(informal.DecidedOn), t[Viewing.AppealLabels.Outcome(informal)], PortalDates.Day(lastDay), t["File a formal appeal"]])),
                    ReminderAudience.Parties);
            default:
                return null;
        }
    }
}
