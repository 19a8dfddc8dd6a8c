using Aims.Identity.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Passkeys;

/// <summary>
/// Identity's passkey handler with the staff options (which ask for attestation) when staff are signed in; chosen per
/// call because the handler is created before the request knows who is signed in.
/// </summary>
internal sealed class StaffAwarePasskeyHandler(UserManager<AimsUser> users, IOptionsMonitor<IdentityPasskeyOptions> options) : IPasskeyHandler<AimsUser>
{
    /// <summary>The name of the passkey options staff get.</summary>
    public const string StaffPasskeys = "Staff";

    public static bool IsStaff(HttpContext? http) => http?.User.HasClaim(AimsClaims.Staff, "true") is true;

    public Task<PasskeyCreationOptionsResult> MakeCreationOptionsAsync(PasskeyUserEntity userEntity, HttpContext httpContext) =>
        For(httpContext).MakeCreationOptionsAsync(userEntity, httpContext);

    public Task<PasskeyRequestOptionsResult> MakeRequestOptionsAsync(AimsUser? user, HttpContext httpContext) =>
        For(httpContext).MakeRequestOptionsAsync(user, httpContext);

    public Task<PasskeyAttestationResult> PerformAttestationAsync(PasskeyAttestationContext context) =>
        For(context.HttpContext).PerformAttestationAsync(context);

    public Task<PasskeyAssertionResult<AimsUser>> PerformAssertionAsync(PasskeyAssertionContext context) =>
        For(context.HttpContext).PerformAssertionAsync(context);

    private PasskeyHandler<AimsUser> For(HttpContext http) =>
        new(users, Options.Create(options.Get(IsStaff(http) ? StaffPasskeys : Options.DefaultName)));
}
