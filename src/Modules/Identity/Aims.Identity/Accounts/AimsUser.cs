using Microsoft.AspNetCore.Identity;

namespace Aims.Identity.Accounts;

/// <summary>
/// An account. The phone number Identity stores is the mobile number for text-message codes only: it is never shown
/// to staff or exported.
/// </summary>
internal sealed class AimsUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>Staff sign in on their own path and cannot use self-service reset.</summary>
    public bool IsStaff { get; set; }

    /// <summary>Set by a temporary password: the next sign-in must change it before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// A reset's emailed password, kept beside the real one rather than replacing it, so that someone who merely
    /// knows the address cannot take the owner's password away by asking for a reset.
    /// </summary>
    public string? TemporaryPasswordHash { get; set; }

    public DateTimeOffset? TemporaryPasswordExpiresAt { get; set; }

    /// <summary>The agency or contractor an agency coordinator acts for (set when their access request is approved).</summary>
    public Guid? AgencyId { get; set; }

    /// <summary>Set when an administrator deactivates the account: it can no longer sign in or use its API tokens.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>The language the person last read the portal in ("es"), for emails sent without a request; null is English.</summary>
    public string? PreferredLanguage { get; set; }
}
