using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Aims.Identity.Sessions;

/// <summary>
/// A sign-in between password and second factor, in its own short-lived cookie: the account, the attempt the one-time codes
/// are bound to, and the local return page. It grants nothing by itself.
/// </summary>
internal sealed record PendingSignIn(Guid UserId, Guid AttemptId, string Email, bool Staff, string? ReturnUrl = null)
{
    public const string Scheme = "Aims.PendingSignIn";

    /// <summary>
    /// Longer than a code lives (40 minutes), so someone who comes back late is told the code expired and can ask for
    /// a new one; after this the person starts again with the password.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(60);

    private const string AttemptClaim = "aims:attempt";
    private const string StaffClaim = "aims:staff";
    private const string ReturnClaim = "aims:return";

    public Task StartAsync(HttpContext http)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, UserId.ToString()),
                new Claim(AttemptClaim, AttemptId.ToString()),
                new Claim(ClaimTypes.Email, Email),
                new Claim(StaffClaim, Staff ? "true" : "false"),
                .. ReturnUrl is null ? Array.Empty<Claim>() : [new Claim(ReturnClaim, ReturnUrl)],
            ],
            Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static async Task<PendingSignIn?> ReadAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var principal = result.Succeeded ? result.Principal : null;
        return principal is not null
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && Guid.TryParse(principal.FindFirstValue(AttemptClaim), out var attemptId)
            && principal.FindFirstValue(ClaimTypes.Email) is { } email
                ? new PendingSignIn(userId, attemptId, email, principal.FindFirstValue(StaffClaim) == "true", principal.FindFirstValue(ReturnClaim))
                : null;
    }

    public static Task EndAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
