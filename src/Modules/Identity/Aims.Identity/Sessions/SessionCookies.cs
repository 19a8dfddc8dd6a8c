using System.Globalization;
using System.Security.Claims;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Sessions;

/// <summary>
/// The session cookie (idle and absolute limits, security stamp checked on every request), the short-lived cookie
/// between password and second factor, and the antiforgery cookie — all Secure, HttpOnly and SameSite.
/// </summary>
internal static class SessionCookies
{
    public const string SessionCookieName = "aims.session";

    public static void AddAimsSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SessionOptions.Section);
        services.Configure<SessionOptions>(section);
        var allowHttp = section.Get<SessionOptions>()?.AllowHttp ?? false;
        var securePolicy = allowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication().AddCookie(PendingSignIn.Scheme);

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionOptions>, TimeProvider>((cookie, sessions, time) =>
            {
                // The __Host- prefix pins the cookie to this host and path; browsers allow it only on Secure cookies.
                cookie.Cookie.Name = allowHttp ? SessionCookieName : "__Host-" + SessionCookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = securePolicy;
                cookie.ExpireTimeSpan = sessions.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.TimeProvider = time;
                cookie.LoginPath = "/account/sign-in";
                cookie.LogoutPath = "/account/sign-out";
                cookie.Events.OnValidatePrincipal = context => ValidateAsync(context, sessions.Value, time);
                cookie.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
            });

        services.AddOptions<CookieAuthenticationOptions>(PendingSignIn.Scheme)
            .Configure<TimeProvider>((cookie, time) =>
            {
                cookie.Cookie.Name = allowHttp ? "aims.pending" : "__Host-aims.pending";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = securePolicy;
                cookie.ExpireTimeSpan = PendingSignIn.Lifetime;
                cookie.SlidingExpiration = false;
                cookie.TimeProvider = time;
                cookie.LoginPath = "/account/sign-in";
            });

        services.Configure<AntiforgeryOptions>(antiforgery =>
        {
            antiforgery.Cookie.Name = allowHttp ? "aims.antiforgery" : "__Host-aims.antiforgery";
            antiforgery.Cookie.SecurePolicy = securePolicy;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    public static Claim SignedInAt(DateTimeOffset now) => Moment(AimsClaims.SignedInAt, now);

    public static Claim Moment(string type, DateTimeOffset at) => new(type, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    public static DateTimeOffset? MomentOf(ClaimsPrincipal principal, string type) =>
        long.TryParse(principal.FindFirst(type)?.Value, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>
    /// Re-issues this browser's session after the account changed (a new security stamp, new claims), keeping when
    /// it began and how, so the absolute limit still counts from the original sign-in.
    /// </summary>
    public static Task ReissueAsync(this SignInManager<AimsUser> signIns, AimsUser user, ClaimsPrincipal current, params Claim[] added)
    {
        var kept = current.Claims.Where(c => c.Type is AimsClaims.SignedInAt or AimsClaims.PasswordConfirmedAt or "amr")
            .Where(c => added.All(a => a.Type != c.Type))
            .Select(c => new Claim(c.Type, c.Value));
        return signIns.SignInWithClaimsAsync(user, isPersistent: false, kept.Concat(added));
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context, SessionOptions sessions, TimeProvider time)
    {
        if (context.Principal is null
            || MomentOf(context.Principal, AimsClaims.SignedInAt) is not { } signedInAt
            || signedInAt + sessions.AbsoluteLifetime <= time.GetUtcNow())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Checked on every request (one lookup by primary key), so a new stamp ends every other session at once.
        var signIns = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AimsUser>>();
        if (await signIns.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Pages send a browser to sign in; programs get the bare status (and a problem-details body).</summary>
    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized && WebApplicationExtensions.WantsHtml(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
