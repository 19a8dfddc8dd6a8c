using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Tokens;

/// <summary>The owner revokes an API token: it stops working at once.</summary>
internal sealed record RevokeApiToken(Guid UserId, Guid TokenId) : ICommand<bool>;

internal sealed class RevokeApiTokenHandler(UserManager<AimsUser> users, ApiTokens tokens, SecurityAudit audit) : IRequestHandler<RevokeApiToken, bool>
{
    public async Task<bool> Handle(RevokeApiToken command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        var token = await tokens.RevokeAsync(user.Id, command.TokenId, cancellationToken) ?? throw new NotFoundException("That token is not an active token of your account.");
        await audit.RecordAsync(SecurityEventKind.ApiTokenRevoked, user.Id, user.Email, token.Name, cancellationToken);
        return true;
    }
}
