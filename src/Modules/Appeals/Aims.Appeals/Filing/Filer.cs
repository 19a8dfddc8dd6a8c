using System.Security.Claims;
using Aims.Appeals.Model;
using Aims.Identity.Contracts;

namespace Aims.Appeals.Filing;

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

/// <summary>
/// The answer to a filing: where the appeal is and the number people quote; <paramref name="Replayed"/> when the filing
/// key had already filed it.
/// </summary>
internal sealed record FiledAppeal(Guid AppealId, string CaseNumber, bool Replayed = false);
