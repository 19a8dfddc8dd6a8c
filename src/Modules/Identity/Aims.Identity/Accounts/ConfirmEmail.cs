using Aims.BuildingBlocks.Mediation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Accounts;

/// <summary>
/// The link from the sign-up email. Opening it shows a button rather than confirming at once, because mail scanners
/// open links too; the post confirms.
/// </summary>
internal sealed record ConfirmEmail(Guid UserId, string Token) : ICommand<bool>;

internal sealed class ConfirmEmailHandler(UserManager<AimsUser> users) : IRequestHandler<ConfirmEmail, bool>
{
    public async Task<bool> Handle(ConfirmEmail command, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(command.UserId.ToString()) is { } user
        && (user.EmailConfirmed || (await users.ConfirmEmailAsync(user, command.Token)).Succeeded);
}
