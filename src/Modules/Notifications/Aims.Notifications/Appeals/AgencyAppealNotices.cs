using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Web;
using Aims.Notifications.Centre;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Aims.Notifications.Appeals;

/// <summary>
/// Tells the coordinators of the agency an appeal names that it was filed or withdrawn, in their centre and by email,
/// each in their language; an unregistered agency hears through the division's intake.
/// </summary>
internal sealed class AgencyAppealNotices(AppealAudiences audiences, Notices notices, IStringLocalizer<NotificationsText> t)
    : INotificationHandler<AppealFiled>, INotificationHandler<AppealWithdrawn>, INotificationHandler<AppealAgencyChanged>
{
    public Task Handle(AppealFiled filed, CancellationToken cancellationToken) => NotifyAsync(
        filed.AgencyId,
        filed.AppealId,
        NoticeKind.AppealFiledForAgency,
        () => new(
            t["New appeal {0} names your agency", filed.CaseNumber],
            t["{0} filed appeal {1} on {2}", filed.AppellantName, filed.CaseNumber, PortalDates.Day(filed.FiledOn)] +
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
                ? t["{0} withdrew appeal {1} on {2}.", withdrawn.AppellantName, withdrawn.CaseNumber, PortalDates.Day(withdrawn.WithdrawnOn)]
                : t["{0} withdrew appeal {1} on {2}, saying: \"{3}\".", withdrawn.AppellantName, withdrawn.CaseNumber, PortalDates.Day(withdrawn.WithdrawnOn), withdrawn.Reason]) +
            " " + t["The case is closed; nothing more is due from your agency on it; its record stays in AIMS."]),
        cancellationToken);

    /// <summary>An appeal the division now assigns to the agency reads, for its coordinators, like one filed naming it.</summary>
    public Task Handle(AppealAgencyChanged changed, CancellationToken cancellationToken) => NotifyAsync(
        changed.AgencyId,
        changed.AppealId,
        NoticeKind.AppealFiledForAgency,
        () => new(
            t["Appeal {0} is now assigned to your agency", changed.CaseNumber],
            t["The Appeals Division assigned appeal {0} by {1} to your agency. Open it in AIMS to see what was filed and its dates.", changed.CaseNumber, changed.AppellantName]),
        cancellationToken,
        $"AgencyChanged:{changed.AppealId}:{changed.Version}");

    private async Task NotifyAsync(Guid? agencyId, Guid appealId, NoticeKind kind, Func<NoticeText> text, CancellationToken cancellationToken, string? sourceKey = null)
    {
        if (agencyId is not { } id)
        {
            return;
        }

        foreach (var coordinator in await audiences.CoordinatorsAsync(id, cancellationToken))
        {
            await notices.GiveAsync(coordinator, kind, sourceKey ?? $"{kind}:{appealId}", text, $"/appeals/{appealId}", cancellationToken);
        }
    }
}
