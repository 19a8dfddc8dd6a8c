using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using MediatR;

namespace Aims.Appeals.Access;

/// <summary>
/// Who is told of a change: the filer, a contact the filing names, the agency (coordinators resolved by Notifications)
/// and the attendees it named. Provider colleagues follow the appeal in "My appeals" instead.
/// </summary>
internal sealed class GetAppealRecipientsHandler(EventStreams store) : IRequestHandler<GetAppealRecipients, AppealRecipients?>
{
    public async Task<AppealRecipients?> Handle(GetAppealRecipients request, CancellationToken cancellationToken) =>
        await store.LoadAppealAsync(request.AppealId, cancellationToken) is { } appeal ? Of(appeal) : null;

    /// <summary>The recipients of an appeal already in hand (a reminder that fires carries them, ADR 0055).</summary>
    public static AppealRecipients Of(Appeal appeal)
    {
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
