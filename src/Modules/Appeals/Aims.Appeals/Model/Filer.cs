using System.Security.Claims;
using Aims.Identity.Contracts;

namespace Aims.Appeals.Model;

/// <summary>Who is filing, as the sign-in (page session or API token) says.</summary>
internal sealed record Filer(Guid UserId, string Name, string Email, bool IsRepresentative)
{
    public Person Person => new(UserId, Name);

    public static Filer From(ClaimsPrincipal user) => new(
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        user.FindFirstValue(AimsClaimTypes.DisplayName) ?? user.Identity?.Name ?? "",
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "",
        user.IsInRole(nameof(Role.AuthorizedRepresentative)));
}
