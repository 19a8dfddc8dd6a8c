using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using MediatR;

namespace Aims.Appeals.Access;

/// <summary>
/// Who is told of a change on an appeal: the person who filed it (in their notification centre and by email), the
/// contact the filing names when it is someone else's address, the agency (whose coordinators Notifications asks
/// Registration for) and the attendees the agency named. Provider colleagues follow the appeal in "My appeals".
/// </summary>
internal sealed class GetAppealRecipientsHandler(EventStreams store) : IRequestHandler<GetAppealRecipients, AppealRecipients?>
{
    public async Task<AppealRecipients?> Handle(GetAppealRecipients request, CancellationToken cancellationToken)
    {
        if (await store.LoadAppealAsync(request.AppealId, cancellationToken) is not { } appeal)
        {
            return null;
        }

        var contact = appeal.Filing switch
        {
            InformalAppealFiled f => f.Contact,
            FormalAppealFiled f => f.Contact,
            ClientAppealFiled f => f.Contact,
            _ => null,
        };
        return new AppealRecipients(
            [appeal.FiledBy.UserId],
            contact is null ? [] : [new AppealContact(contact.Name, contact.Email)],
            appeal.Agency?.Id,
            appeal.Attendees.Select(a => new AppealContact(a.Name, a.Email)).ToList(),
            appeal.CaseWorker?.UserId,
            appeal.Decider?.UserId);
    }
}
