using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Accounts;

/// <summary>
/// Builds a session's principal from the account as stored now, so a flag such as a pending forced password change
/// survives every cookie refresh and cannot be dropped by one.
/// </summary>
internal sealed class AimsClaimsFactory(UserManager<AimsUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AimsUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AimsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AimsClaims.DisplayName, user.DisplayName));
        if (user.IsStaff)
        {
            identity.AddClaim(new Claim(AimsClaims.Staff, "true"));
        }

        if (user.AgencyId is { } agency)
        {
            identity.AddClaim(new Claim(AimsClaims.AgencyId, agency.ToString()));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AimsClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
