using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Directory;

internal sealed class RecordIdentityClaimEventHandler(UserManager<AimsUser> users, SecurityAudit audit) : IRequestHandler<RecordIdentityClaimEvent, bool>
{
    public async Task<bool> Handle(RecordIdentityClaimEvent request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        await audit.RecordAsync(SecurityEventKind.IdentityClaim, request.UserId, user?.Email, request.Detail, cancellationToken);
        return true;
    }
}

internal sealed class FindAccountByEmailHandler(UserManager<AimsUser> users) : IRequestHandler<FindAccountByEmail, PersonContact?>
{
    public async Task<PersonContact?> Handle(FindAccountByEmail request, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(request.Email.Trim()) is { DeactivatedAt: null, Email: { } email } user
            ? new PersonContact(user.Id, user.DisplayName, email, user.PreferredLanguage)
            : null;
}
