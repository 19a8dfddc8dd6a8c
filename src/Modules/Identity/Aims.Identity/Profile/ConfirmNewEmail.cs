using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Profile;

/// <summary>
/// The link sent to a new email address. Like sign-up's link it shows a button first (mail scanners open links); the
/// post moves the account to the new address and its sign-in name with it, and ends other sessions.
/// </summary>
internal sealed record ConfirmNewEmail(Guid UserId, string Email, string Token) : ICommand<bool>;

internal sealed class ConfirmNewEmailHandler(UserManager<AimsUser> users, SecurityAudit audit) : IRequestHandler<ConfirmNewEmail, bool>
{
    public async Task<bool> Handle(ConfirmNewEmail command, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user || await users.FindByEmailAsync(command.Email) is not null)
        {
            return false;
        }

        var old = user.Email;
        if (!(await users.ChangeEmailAsync(user, command.Email, command.Token)).Succeeded)
        {
            return false;
        }

        (await users.SetUserNameAsync(user, command.Email)).Require("The sign-in name did not follow the new email");

        await audit.RecordAsync(SecurityEventKind.EmailChanged, user.Id, command.Email, $"from {old}", cancellationToken);
        return true;
    }
}
