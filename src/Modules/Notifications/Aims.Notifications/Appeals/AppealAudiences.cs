using Aims.Appeals.Contracts;
using Aims.Identity.Contracts;
using Aims.Notifications.Centre;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using MediatR;

namespace Aims.Notifications.Appeals;

/// <summary>
/// An appeal notice's audiences as people, each told once per cause: account holders in their centre and by email in
/// their language (ADR 0025), others by email in English and Spanish (ADR 0026).
/// </summary>
internal sealed class AppealAudiences(IMediator mediator, Notices notices)
{
    public Task TellAsync(
        Guid appealId, ReminderAudience audience, NoticeKind kind, string sourceKey, string subject, string body, IReadOnlyList<EmailAttachment>? attachments,
        CancellationToken cancellationToken) =>
        TellAsync(appealId, audience, kind, sourceKey, () => new NoticeText(subject, body), attachments, known: null, cancellationToken);

    public async Task TellAsync(
        Guid appealId, ReminderAudience audience, NoticeKind kind, string sourceKey, Func<NoticeText> text, IReadOnlyList<EmailAttachment>? attachments,
        AppealRecipients? known, CancellationToken cancellationToken)
    {
        if ((known ?? await mediator.Send(new GetAppealRecipients(appealId), cancellationToken)) is not { } recipients)
        {
            return;
        }

        var accounts = new List<Recipient>();
        var emailOnly = new List<AppealContact>();
        if (audience.HasFlag(ReminderAudience.Parties))
        {
            accounts.AddRange(await PeopleAsync(recipients.PartyUserIds, cancellationToken));
            emailOnly.AddRange(recipients.Contacts);
        }

        if (audience.HasFlag(ReminderAudience.Agency) && recipients.AgencyId is { } agencyId)
        {
            accounts.AddRange(await CoordinatorsAsync(agencyId, cancellationToken));
        }

        if (audience.HasFlag(ReminderAudience.Attendees))
        {
            emailOnly.AddRange(recipients.Attendees);
        }

        // Before assignment "the case worker" is everyone working the intake queue; "the assigned case worker" is nobody.
        if (audience.HasFlag(ReminderAudience.CaseWorker))
        {
            accounts.AddRange(recipients.CaseWorkerId is { } worker
                ? await PeopleAsync([worker], cancellationToken)
                : await StaffWithAsync(Permission.WorkIntakeQueue, cancellationToken));
        }
        else if (audience.HasFlag(ReminderAudience.AssignedCaseWorker) && recipients.CaseWorkerId is { } assigned)
        {
            accounts.AddRange(await PeopleAsync([assigned], cancellationToken));
        }

        if (audience.HasFlag(ReminderAudience.Decider) && recipients.DeciderId is { } decider)
        {
            accounts.AddRange(await PeopleAsync([decider], cancellationToken));
        }

        if (audience.HasFlag(ReminderAudience.Administrators))
        {
            accounts.AddRange(await StaffWithAsync(Permission.IssueFinalDecisions, cancellationToken));
        }

        var told = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in accounts.Where(p => told.Add(p.Email)))
        {
            await notices.GiveAsync(person, kind, sourceKey, text, $"/appeals/{appealId}", cancellationToken, attachments);
        }

        foreach (var contact in emailOnly.Where(c => told.Add(c.Email)))
        {
            await notices.EmailAsync(contact.Name, contact.Email, text, cancellationToken, attachments);
        }
    }

    /// <summary>An agency's coordinators with the language each reads: Registration knows who they are, Identity what they read.</summary>
    public async Task<IEnumerable<Recipient>> CoordinatorsAsync(Guid agencyId, CancellationToken cancellationToken) =>
        await PeopleAsync([.. (await mediator.Send(new GetAgencyCoordinators(agencyId), cancellationToken)).Select(c => c.UserId)], cancellationToken);

    private async Task<IEnumerable<Recipient>> PeopleAsync(IReadOnlyList<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? [] : (await mediator.Send(new GetPersonContacts(userIds), cancellationToken)).Select(p => new Recipient(p.UserId, p.Name, p.Email, p.Language));

    private async Task<IEnumerable<Recipient>> StaffWithAsync(Permission permission, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetPeopleWith(permission), cancellationToken)).Select(p => new Recipient(p.UserId, p.Name, p.Email));
}
