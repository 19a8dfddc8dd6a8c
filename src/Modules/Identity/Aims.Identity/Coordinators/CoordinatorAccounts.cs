using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Contracts;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Aims.Identity.Coordinators;

/// <summary>
/// Registration decides, Identity acts: approved → a coordinator account with a 72-hour activation link; deactivated →
/// no more sign-ins. Delivery is at least once, so both are safe to repeat.
/// </summary>
internal sealed class CoordinatorAccounts(
    UserManager<AimsUser> users,
    AccountOpening accounts,
    AccountActivations activations,
    SecurityAudit audit,
    IOutgoingMail mail,
    AccountEmails emails,
    TimeProvider time,
    ILogger<CoordinatorAccounts> logger) : INotificationHandler<AccessRequestApproved>, INotificationHandler<CoordinatorDeactivated>
{
    public async Task Handle(AccessRequestApproved approved, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(approved.Email);
        if (user is null)
        {
            user = accounts.For(approved.Email, approved.RequesterName);
            user.AgencyId = approved.AgencyId;
            // Unverified until the coordinator verifies it in their profile; used for nothing else.
            user.PhoneNumber = approved.Mobile;
            // The language the request was made in, so this email and every later one are in it (ADR 0027).
            user.PreferredLanguage = approved.Language;
            (await accounts.OpenAsync(user, null, Role.AgencyCoordinator, $"agency coordinator, request {approved.RequestId}", cancellationToken))
                .Require("Coordinator account not created");
        }
        else if (user.AgencyId != approved.AgencyId || user.IsStaff)
        {
            // An address already in use elsewhere is not silently turned into a coordinator: the team sorts it out.
            logger.LogWarning("Access request {RequestId} was approved for an address that already has another account; no account was changed.", approved.RequestId);
            await mail.QueueAsync(emails.ApprovedButAddressInUse(approved.Email, approved.AgencyName, approved.Language), cancellationToken);
            return;
        }

        if (await users.HasPasswordAsync(user))
        {
            return;
        }

        var (path, expires) = await activations.IssueAsync(user.Id, cancellationToken);
        await mail.QueueAsync(emails.Activate(user, approved.AgencyName, path, expires), cancellationToken);
    }

    public async Task Handle(CoordinatorDeactivated deactivated, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(deactivated.UserId.ToString());
        if (user is null || user.DeactivatedAt is not null)
        {
            return;
        }

        user.DeactivatedAt = time.GetUtcNow();
        (await users.UpdateAsync(user)).Require("Account not deactivated");
        (await users.UpdateSecurityStampAsync(user)).Require("Sessions not ended");
        await audit.RecordAsync(SecurityEventKind.AccountDeactivated, user.Id, user.Email, $"by administrator {deactivated.DecidedBy}", cancellationToken);
    }
}
