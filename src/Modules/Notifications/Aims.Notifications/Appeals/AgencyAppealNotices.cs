using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Mail;
using Aims.Notifications.Centre;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Aims.Notifications.Appeals;

/// <summary>
/// Tells the coordinators of the agency an appeal names that it was filed or withdrawn, in their notification centre
/// and by email, each in their language. An appeal that names no registered agency reaches the agency through the
/// Appeals Division's intake.
/// </summary>
internal sealed class AgencyAppealNotices(AppealAudiences audiences, Notices notices, IStringLocalizer<NotificationsText> t)
    : INotificationHandler<AppealFiled>, INotificationHandler<AppealWithdrawn>
{
    public Task Handle(AppealFiled filed, CancellationToken cancellationToken) => NotifyAsync(
        filed.AgencyId,
        filed.AppealId,
        NoticeKind.AppealFiledForAgency,
        () => new(
            t["New appeal {0} names your agency", filed.CaseNumber],
            t["{0} filed appeal {1} on {2}", filed.AppellantName, filed.CaseNumber, EmailText.Day(filed.FiledOn)] +
            (filed.Expedited ? t[", asking for an expedited decision"] : "") +
            (filed.Timely ? "." : t[", after the last day to file; the Appeals Division decides whether to accept it."]) +
            " " + t["The Appeals Division will tell you when your case summary is due."]),
        cancellationToken);

    public Task Handle(AppealWithdrawn withdrawn, CancellationToken cancellationToken) => NotifyAsync(
        withdrawn.AgencyId,
        withdrawn.AppealId,
        NoticeKind.AppealWithdrawnForAgency,
        () => new(
            t["Appeal {0} withdrawn", withdrawn.CaseNumber],
            (withdrawn.Reason is null
                ? t["{0} withdrew appeal {1} on {2}.", withdrawn.AppellantName, withdrawn.CaseNumber, EmailText.Day(withdrawn.WithdrawnOn)]
                : t["{0} withdrew appeal {1} on {2}, saying: \"{3}\".", withdrawn.AppellantName, withdrawn.CaseNumber, EmailText.Day(withdrawn.WithdrawnOn), withdrawn.Reason]) +
            " " + t["The case is closed; nothing more is due from your agency on it; its record stays in AIMS."]),
        cancellationToken);

    private async Task NotifyAsync(Guid? agencyId, Guid appealId, NoticeKind kind, Func<NoticeText> text, CancellationToken cancellationToken)
    {
        if (agencyId is not { } id)
        {
            return;
        }

        foreach (var coordinator in await audiences.CoordinatorsAsync(id, cancellationToken))
        {
            await notices.GiveAsync(coordinator, kind, $"{kind}:{appealId}", text, $"/appeals/{appealId}", cancellationToken);
        }
    }
}
