using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Aims.Identity.Accounts;

/// <summary>Links that prove a person reads an address: Identity's data-protected tokens, valid one day.</summary>
internal sealed class ConfirmationLinks(UserManager<AimsUser> users)
{
    public async Task<string> ForAsync(AimsUser user) =>
        QueryHelpers.AddQueryString("/account/confirm-email", new Dictionary<string, string?>
        {
            ["user"] = user.Id.ToString(),
            ["token"] = await users.GenerateEmailConfirmationTokenAsync(user),
        });

    public async Task<string> ForNewAddressAsync(AimsUser user, string newEmail) =>
        QueryHelpers.AddQueryString("/account/confirm-new-email", new Dictionary<string, string?>
        {
            ["user"] = user.Id.ToString(),
            ["email"] = newEmail,
            ["token"] = await users.GenerateChangeEmailTokenAsync(user, newEmail),
        });
}
