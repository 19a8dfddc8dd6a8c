using System.Security.Claims;
using System.Text.Encodings.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Aims.Identity.Tokens;

/// <summary>
/// <c>Authorization: Bearer aims_pat_…</c> on /api: the token's owner, with the owner's current roles and the token's
/// scopes. /api also accepts the portal's own session (<see cref="ApiAccess.Policy"/>), so pages' scripts can call it.
/// </summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    UserManager<AimsUser> users,
    IUserClaimsPrincipalFactory<AimsUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public const string ScopeClaim = "scope";

    public const string TokenIdClaim = "aims:token_id";

    private const string BothCredentials = "Send either an API token or the portal's session cookie, not both.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        // One person per request: a token beside a live session would otherwise be two people at once (ADR 0031).
        if ((await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
        {
            return AuthenticateResult.Fail(BothCredentials);
        }

        var token = await tokens.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null || await users.FindByIdAsync(token.UserId.ToString()) is not { DeactivatedAt: null } user)
        {
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        }

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString()));
        identity.AddClaims(token.Scopes.Select(scope => new Claim(ScopeClaim, scope)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if ((await HandleAuthenticateOnceSafeAsync()).Failure?.Message == BothCredentials)
        {
            // RFC 6750: a request that uses more than one method to send credentials is invalid_request, 400.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer realm=\"AIMS\", error=\"invalid_request\"");
            await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = Context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Two credentials were sent.", Detail = BothCredentials },
            });
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer realm=\"AIMS\"");
    }
}

/// <summary>
/// The /api policies: <see cref="Policy"/> (a token or a session) and one per scope. A scope needs the owner's role to
/// still allow it, and — when the caller came with a token — the token to carry it.
/// </summary>
internal static class ApiAccess
{
    public const string Policy = "api";

        /// <summary>
        /// /api's one scheme: the token alone with an Authorization header, else the cookie alone. A policy naming both would
        /// merge a token and someone else's cookie into one caller.
        /// </summary>
    public const string Scheme = "ApiTokenOrSession";

    public static void AddApiAccess(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddPolicyScheme(Scheme, null, options =>
            {
                options.ForwardDefaultSelector = http => http.Request.Headers.Authorization.Count > 0 ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme;
                options.ForwardChallenge = ApiTokenAuthentication.SchemeName;
            });
        services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, Sessions.SessionEndpointRules>();
        services.AddAuthorization(options =>
        {
            string[] schemes = [Scheme];
            options.AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser());
            foreach (var scope in ApiScopes.All)
            {
                options.AddPolicy(ApiScopes.Policy(scope.Scope), policy => policy.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser()
                    .AddRequirements(new ScopeRequirement(scope)));
            }
        });
    }

    public static bool Allows(ClaimsPrincipal user, ApiScopeInfo scope) =>
        scope.AnyOf.Any(permission => AccessTable.RolesWith[permission].Any(role => user.IsInRole(role.ToString())));

    private sealed record ScopeRequirement(ApiScopeInfo Scope) : IAuthorizationRequirement;

    private sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
        {
            var viaToken = context.User.Identities.Any(i => i.AuthenticationType == ApiTokenAuthentication.SchemeName);
            if (Allows(context.User, requirement.Scope) && (!viaToken || context.User.HasClaim(ApiTokenAuthentication.ScopeClaim, requirement.Scope.Name)))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
