using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Web;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.Extensions.Options;

namespace Aims.Notifications.Appeals;

/// <summary>
/// Tells the coordinators of the agency an appeal names that it was filed or withdrawn, by email. An appeal that names
/// no registered agency reaches the agency through the Appeals Division's intake instead.
/// </summary>
internal sealed class AgencyAppealNotices(IMediator mediator, IOutgoingMail mail, IOptions<ContactOptions> contact, IOptions<PortalOptions> portal)
    : INotificationHandler<AppealFiled>, INotificationHandler<AppealWithdrawn>
{
    public Task Handle(AppealFiled filed, CancellationToken cancellationToken) => NotifyAsync(
        filed.AgencyId,
        $"New appeal {filed.CaseNumber} names your agency",
        $"{filed.AppellantName} filed appeal {filed.CaseNumber} on {EmailText.Day(filed.FiledOn)}" +
        (filed.Expedited ? ", asking for an expedited decision" : "") +
        (filed.Timely ? "." : ", after the last day to file; the Appeals Division decides whether to accept it.") +
        $"\n\nSee it at {Link(filed.AppealId)}. The Appeals Division will tell you when your case summary is due.",
        cancellationToken);

    public Task Handle(AppealWithdrawn withdrawn, CancellationToken cancellationToken) => NotifyAsync(
        withdrawn.AgencyId,
        $"Appeal {withdrawn.CaseNumber} withdrawn",
        $"{withdrawn.AppellantName} withdrew appeal {withdrawn.CaseNumber} on {EmailText.Day(withdrawn.WithdrawnOn)}" +
        (withdrawn.Reason is null ? "." : $", saying: \"{withdrawn.Reason}\".") +
        $"\n\nThe case is closed; nothing more is due from your agency on it. Its record stays at {Link(withdrawn.AppealId)}.",
        cancellationToken);

    private string Link(Guid appealId) => portal.Value.Link($"/appeals/{appealId}");

    private async Task NotifyAsync(Guid? agencyId, string subject, string body, CancellationToken cancellationToken)
    {
        if (agencyId is not { } id)
        {
            return;
        }

        foreach (var coordinator in await mediator.Send(new GetAgencyCoordinators(id), cancellationToken))
        {
            await mail.QueueAsync(
                new EmailMessage(coordinator.Email, subject, $"Hello {coordinator.Name},\n\n{body}" + EmailText.Footer(contact.Value)),
                cancellationToken);
        }
    }
}
