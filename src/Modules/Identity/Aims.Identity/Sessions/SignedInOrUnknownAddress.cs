using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Aims.Identity.Sessions;

/// <summary>
/// The fallback policy: every page and endpoint needs a signed-in user unless it says [AllowAnonymous]. An address
/// with no endpoint at all is let through, so that it gets its honest 404 rather than a sign-in prompt.
/// </summary>
internal sealed class SignedInOrUnknownAddress : AuthorizationHandler<SignedInOrUnknownAddress>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInOrUnknownAddress requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true || context.Resource is HttpContext http && http.GetEndpoint() is null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
