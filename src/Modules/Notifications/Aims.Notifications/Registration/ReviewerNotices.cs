using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Notifications.Centre;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using MediatR;

namespace Aims.Notifications.Registration;

/// <summary>Tells every reviewer of agency access requests that one is still waiting, 1 and then 2 business days on.</summary>
internal sealed class ReviewerNotices(IMediator mediator, Notices notices) : INotificationHandler<AccessRequestAwaitingReview>
{
    public async Task Handle(AccessRequestAwaitingReview waiting, CancellationToken cancellationToken)
    {
        var days = waiting.BusinessDays == 1 ? "1 business day" : $"{waiting.BusinessDays} business days";
        var subject = $"Access request from {waiting.AgencyName} waiting {days}";
        var body = $"{waiting.RequesterName} asked for AIMS access for {waiting.AgencyName} on {PortalDates.Eastern(waiting.SubmittedAt)}. "
            + (waiting.BusinessDays >= RegistrationRules.ReplyWithinBusinessDays
                ? $"The reply promised within {RegistrationRules.ReplyWithinBusinessDays} business days is due today: approve or deny it now."
                : $"The requester was promised a reply within {RegistrationRules.ReplyWithinBusinessDays} business days.");
        foreach (var reviewer in await mediator.Send(new GetPeopleWith(Permission.ReviewAgencyRegistrations), cancellationToken))
        {
            await notices.GiveAsync(
                new Recipient(reviewer.UserId, reviewer.Name, reviewer.Email), NoticeKind.RegistrationAwaitingReview,
                $"review:{waiting.RequestId}:{waiting.BusinessDays}", () => new(subject, body), $"/admin/registrations/{waiting.RequestId}", cancellationToken);
        }
    }
}
