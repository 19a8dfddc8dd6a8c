using System.Security.Claims;
using Aims.Identity.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aims.Identity.Api;

/// <summary>GET /api/me: who the caller is and what it may do — the first call an integration makes to check its token.</summary>
internal static class MeEndpoint
{
    internal sealed record Me(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, string AuthenticatedBy, IReadOnlyList<string> Scopes);

    public static void MapMe(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/me", (ClaimsPrincipal user) =>
        {
            var viaToken = user.Identities.Any(i => i.AuthenticationType == ApiTokenAuthentication.SchemeName);
            return TypedResults.Ok(new Me(
                Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
                user.FindFirstValue(ClaimTypes.Email) ?? user.Identity!.Name!,
                user.FindFirstValue(Accounts.AimsClaims.DisplayName) ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().Order().ToList(),
                viaToken ? "token" : "session",
                viaToken ? user.FindAll(ApiTokenAuthentication.ScopeClaim).Select(c => c.Value).ToList() : []));
        })
        .RequireAuthorization(ApiAccess.Policy)
        .WithName("GetMe");
}
