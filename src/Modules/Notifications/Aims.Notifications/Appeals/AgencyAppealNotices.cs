using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Mail;
using Aims.Notifications.Centre;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using MediatR;

namespace Aims.Notifications.Appeals;

/// <summary>
/// Tells the coordinators of the agency an appeal names that it was filed or withdrawn, in their notification centre
/// and by email. An appeal that names no registered agency reaches the agency through the Appeals Division's intake.
/// </summary>
internal sealed class AgencyAppealNotices(IMediator mediator, Notices notices)
    : INotificationHandler<AppealFiled>, INotificationHandler<AppealWithdrawn>
{
    public Task Handle(AppealFiled filed, CancellationToken cancellationToken) => NotifyAsync(
        filed.AgencyId,
        filed.AppealId,
        NoticeKind.AppealFiledForAgency,
        $"New appeal {filed.CaseNumber} names your agency",
        $"{filed.AppellantName} filed appeal {filed.CaseNumber} on {EmailText.Day(filed.FiledOn)}" +
        (filed.Expedited ? ", asking for an expedited decision" : "") +
        (filed.Timely ? "." : ", after the last day to file; the Appeals Division decides whether to accept it.") +
        " The Appeals Division will tell you when your case summary is due.",
        cancellationToken);

    public Task Handle(AppealWithdrawn withdrawn, CancellationToken cancellationToken) => NotifyAsync(
        withdrawn.AgencyId,
        withdrawn.AppealId,
        NoticeKind.AppealWithdrawnForAgency,
        $"Appeal {withdrawn.CaseNumber} withdrawn",
        $"{withdrawn.AppellantName} withdrew appeal {withdrawn.CaseNumber} on {EmailText.Day(withdrawn.WithdrawnOn)}" +
        (withdrawn.Reason is null ? "." : $", saying: \"{withdrawn.Reason}\".") +
        " The case is closed; nothing more is due from your agency on it; its record stays in AIMS.",
        cancellationToken);

    private async Task NotifyAsync(Guid? agencyId, Guid appealId, NoticeKind kind, string subject, string body, CancellationToken cancellationToken)
    {
        if (agencyId is not { } id)
        {
            return;
        }

        foreach (var coordinator in await mediator.Send(new GetAgencyCoordinators(id), cancellationToken))
        {
            await notices.GiveAsync(
                new Recipient(coordinator.UserId, coordinator.Name, coordinator.Email), kind, $"{kind}:{appealId}", subject, body, $"/appeals/{appealId}", cancellationToken);
        }
    }
}
