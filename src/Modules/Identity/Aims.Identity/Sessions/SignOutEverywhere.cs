using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Sessions;

/// <summary>Signing out of every session at once: a new security stamp ends them all.</summary>
internal sealed record SignOutEverywhere(Guid UserId) : ICommand<bool>;

internal sealed class SignOutEverywhereHandler(UserManager<AimsUser> users, SecurityAudit audit) : IRequestHandler<SignOutEverywhere, bool>
{
    public async Task<bool> Handle(SignOutEverywhere command, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(command.UserId.ToString()) is not { } user)
        {
            return false;
        }

        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(SecurityEventKind.SignedOutEverywhere, user.Id, user.Email, null, cancellationToken);
        return true;
    }
}
