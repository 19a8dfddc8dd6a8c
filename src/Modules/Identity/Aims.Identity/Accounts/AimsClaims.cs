namespace Aims.Identity.Accounts;

/// <summary>Claim types AIMS adds to a session beyond Identity's own.</summary>
internal static class AimsClaims
{
    public const string SignedInAt = "aims:signed_in_at";

    /// <summary>When the person last re-entered their password in this session (unix seconds), for sensitive settings.</summary>
    public const string PasswordConfirmedAt = "aims:password_confirmed_at";

    public const string MustChangePassword = "aims:must_change_password";

    public const string Staff = "aims:staff";

    public const string DisplayName = Contracts.AimsClaimTypes.DisplayName;

    /// <summary>The agency an agency coordinator acts for; other modules read it from the principal.</summary>
    public const string AgencyId = Contracts.AimsClaimTypes.AgencyId;
}
