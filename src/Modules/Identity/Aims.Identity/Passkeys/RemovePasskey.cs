using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Aims.Identity.Passkeys;

/// <summary>The owner removes a passkey: audited and emailed, and only after a recent sign-in.</summary>
internal sealed record RemovePasskey(Guid UserId, string? CredentialId) : ICommand<bool>;

internal sealed class RemovePasskeyHandler(UserManager<AimsUser> users, SecurityAudit audit, IOutgoingMail mail, AccountEmails emails)
    : IRequestHandler<RemovePasskey, bool>
{
    public async Task<bool> Handle(RemovePasskey command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        var id = PasskeyRules.CredentialBytes(command.CredentialId);
        var passkey = id is null ? null : await users.GetPasskeyAsync(user, id);
        if (passkey is null)
        {
            throw new NotFoundException("That passkey is not on your account.");
        }

        (await users.RemovePasskeyAsync(user, id!)).Require("The passkey was not removed");

        var name = passkey.Name ?? "Unnamed passkey";
        await audit.RecordAsync(SecurityEventKind.PasskeyRemoved, user.Id, user.Email, name, cancellationToken);
        await mail.QueueAsync(emails.PasskeyRemoved(user, name), cancellationToken);
        return true;
    }
}
