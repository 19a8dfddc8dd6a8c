using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Tokens;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Sessions;

/// <summary>
/// Non-page endpoints for a browser session: nothing until a temporary password is changed, and no /api change without
/// the antiforgery token, since cookies ride along on other sites' requests (ADR 0031). Runs after authorization.
/// </summary>
internal sealed class SessionEndpointRules(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, IProblemDetailsService problems)
    : IAuthorizationMiddlewareResultHandler
{
    public const string ChangePasswordPath = "/account/change-password";

    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded || !IsSession(context) || context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (context.User.HasClaim(AimsClaims.MustChangePassword, "true"))
        {
            if (WebApplicationExtensions.WantsHtml(context.Request))
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }

            await WriteAsync(context, StatusCodes.Status403Forbidden, "Change your temporary password first.",
                $"This session signed in with a temporary password. Choose a new password at {ChangePasswordPath}; until then only that page and signing out work.");
            return;
        }

        if (context.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method)
            // Without the header the form is not read (an upload would be buffered only to be refused).
            && (!context.Request.Headers.ContainsKey(antiforgeryOptions.Value.HeaderName!) || !await antiforgery.IsRequestValidAsync(context)))
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, "The antiforgery token is missing or wrong.",
                "A change made through /api with the portal's session cookie must carry the page's antiforgery token in the "
                + "RequestVerificationToken header. Programs should use an API token (Authorization: Bearer) instead of the cookie.");
            return;
        }

        await standard.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Signed in through the portal's session cookie rather than an API token.</summary>
    private static bool IsSession(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && context.User.Identities.All(i => i.AuthenticationType != ApiTokenAuthentication.SchemeName);

    private async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
