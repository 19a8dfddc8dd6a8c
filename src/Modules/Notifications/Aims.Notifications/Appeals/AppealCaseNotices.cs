using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Web;
using Aims.Notifications.Centre;
using Aims.Notifications.Contracts;
using Aims.Notifications.Sending;
using MediatR;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Appeals;

/// <summary>
/// Tells an appeal's participants what the division did (docketed, dismissed, hearing set, moved or cancelled with its
/// calendar invitation, decided); recorded once per person and cause, so a redelivered message adds nothing.
/// </summary>
internal sealed class AppealCaseNotices(
    IMediator mediator, Notices notices, AppealAudiences audiences, TimeProvider time, IStringLocalizer<NotificationsText> t, IOptions<MailOptions> mail) :
    INotificationHandler<CaseDocketed>, INotificationHandler<CaseDismissed>, INotificationHandler<HearingNoticeIssued>, INotificationHandler<HearingCancelled>,
    INotificationHandler<CaseDecided>
{
    public Task Handle(CaseDocketed docketed, CancellationToken cancellationToken) => TellAsync(
        docketed.AppealId, NoticeKind.AppealDocketed, $"docketed:{docketed.AppealId}",
        () => new(t["Appeal {0} docketed", docketed.CaseNumber],
            t["The Appeals Division docketed appeal {0} on {1}: it goes ahead.", docketed.CaseNumber, PortalDates.Day(docketed.DocketedOn)] + " " +
            (docketed.Kind == AppealKind.ProviderInformal
                ? t["The informal fact-finding conference will be scheduled next; everyone taking part gets a notice with the date, the time and how to join."]
                : t["The hearing will be scheduled next; everyone taking part gets a notice with the date, the time and how to join."])),
        attachments: null, toAttendees: false, cancellationToken);

    public Task Handle(CaseDismissed dismissed, CancellationToken cancellationToken) => TellAsync(
        dismissed.AppealId, NoticeKind.Dismissal, $"dismissed:{dismissed.AppealId}",
        () => new(t["Appeal {0} dismissed", dismissed.CaseNumber],
            t["Appeal {0} was dismissed on {1}. Reason: {2}.", dismissed.CaseNumber, PortalDates.Day(dismissed.DismissedOn), t[dismissed.Reason]] +
            (dismissed.Explanation is null ? "" : $"\n\n{dismissed.Explanation}") +
            (dismissed.PetitionToVacateBy is { } by ? "\n\n" + t["The provider is in default. A petition to vacate the default may be filed by {0}.", PortalDates.Day(by)] : "") +
            "\n\n" + t["The case is closed. If you believe this is wrong, call the Appeals Division."]),
        attachments: null, toAttendees: false, cancellationToken);

    public async Task Handle(HearingNoticeIssued notice, CancellationToken cancellationToken)
    {
        NoticeText Text()
        {
            var what = notice.Conference ? t["Informal fact-finding conference"] : t["Hearing"];
            var subject = notice.PreviousStart is null ? t["{0} scheduled: appeal {1}", what, notice.CaseNumber] : t["{0} moved: appeal {1}", what, notice.CaseNumber];
            var body = t["{0} on appeal {1}: {2}, {3}.", what, notice.CaseNumber, PortalDates.Eastern(notice.StartsAt), t[notice.Channel].Value.ToLowerInvariant()] +
                "\n\n" + t["How to join: {0}", notice.Details] +
                (notice.PreviousStart is { } previous
                    ? "\n\n" + (notice.Reason is null ? t["It was moved from {0}.", PortalDates.Eastern(previous)] : t["It was moved from {0}: {1}", PortalDates.Eastern(previous), notice.Reason])
                    : "") +
                (notice.SummaryDue is { } due ? "\n\n" + t["The agency's case summary is due by {0}.", PortalDates.Day(due)] : "") +
                "\n\n" + t["You may bring counsel and evidence. If a party does not take part and shows no good cause within {0} days, the appeal may be closed (a provider may be held in default). If you cannot attend, call the Appeals Division at once. A calendar invitation is attached.", notice.GoodCauseDays];
            return new(subject, body);
        }

        var invitation = HearingCalendar.For(notice, time.GetUtcNow(), mail.Value.From);
        if (notice.OnlyAttendees is { } only)
        {
            var recipients = await mediator.Send(new GetAppealRecipients(notice.AppealId), cancellationToken);
            foreach (var attendee in recipients?.Attendees.Where(a => only.Contains(a.Email, StringComparer.OrdinalIgnoreCase)) ?? [])
            {
                await notices.EmailAsync(attendee.Name, attendee.Email, Text, cancellationToken, [invitation]);
            }

            return;
        }

        await TellAsync(notice.AppealId, NoticeKind.HearingNotice, $"hearing:{notice.AppealId}:{notice.Sequence}", Text, [invitation], toAttendees: true, cancellationToken);
    }

    public Task Handle(HearingCancelled cancelled, CancellationToken cancellationToken) => TellAsync(
        cancelled.AppealId, NoticeKind.HearingNotice, $"hearing-cancelled:{cancelled.AppealId}:{cancelled.Sequence}",
        () =>
        {
            var what = cancelled.Conference ? t["Informal fact-finding conference"] : t["Hearing"];
            return new(t["{0} cancelled: appeal {1}", what, cancelled.CaseNumber],
                t["The {0} on appeal {1} set for {2} will not take place: the appeal is closed. A calendar cancellation is attached.",
                    what.Value.ToLowerInvariant(), cancelled.CaseNumber, PortalDates.Eastern(cancelled.StartsAt)]);
        },
        [HearingCalendar.Cancel(cancelled, time.GetUtcNow(), mail.Value.From)], toAttendees: true, cancellationToken);

    // The decision's name and outcome are from fixed lists, translated here; the further step, which carries a date,
    // comes worded in each language from Appeals.
    public Task Handle(CaseDecided decided, CancellationToken cancellationToken) => TellAsync(
        decided.AppealId, NoticeKind.Decision, $"decision:{decided.AppealId}:{decided.Decision}",
        () => new(t["{0} on appeal {1}", t[decided.Decision], decided.CaseNumber],
            t["The {0} on appeal {1} was issued on {2}: {3}.", t[decided.Decision].Value.ToLowerInvariant(), decided.CaseNumber, PortalDates.Day(decided.DecidedOn), t[decided.Outcome]] +
            (decided.FurtherStep is { } further ? $"\n\n{further.Current}" : "") +
            "\n\n" + t["Read and download the decision on the appeal's page in AIMS."]),
        attachments: null, toAttendees: false, cancellationToken);

    private Task TellAsync(
        Guid appealId, NoticeKind kind, string sourceKey, Func<NoticeText> text, IReadOnlyList<EmailAttachment>? attachments, bool toAttendees,
        CancellationToken cancellationToken) =>
        audiences.TellAsync(
            appealId, ReminderAudience.Parties | ReminderAudience.Agency | (toAttendees ? ReminderAudience.Attendees : ReminderAudience.None), kind, sourceKey, text,
            attachments, known: null, cancellationToken);
}
