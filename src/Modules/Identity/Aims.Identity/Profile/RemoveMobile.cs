using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Profile;

/// <summary>The owner removes the mobile: audited and emailed, and codes go by email from then on.</summary>
internal sealed record RemoveMobile(Guid UserId) : ICommand<bool>;

internal sealed class RemoveMobileHandler(UserManager<AimsUser> users, SecurityAudit audit, IOutgoingMail mail, AccountEmails emails) : IRequestHandler<RemoveMobile, bool>
{
    public async Task<bool> Handle(RemoveMobile command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        if (user.PhoneNumber is null)
        {
            return false;
        }

        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        await users.UpdateAsync(user);
        await audit.RecordAsync(SecurityEventKind.MobileChanged, user.Id, user.Email, "removed", cancellationToken);
        await mail.QueueAsync(emails.MobileChanged(user), cancellationToken);
        return true;
    }
}
