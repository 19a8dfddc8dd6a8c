namespace Aims.Identity.SignIn;

/// <summary>Rate-limit policy names (tunable under Aims:RateLimits:{name}); the defaults are set in IdentityModule.</summary>
internal static class IdentityRateLimits
{
    public const string SignIn = "SignIn";
    public const string Codes = "Codes";
    public const string SignUp = "SignUp";
    public const string PasswordReset = "PasswordReset";
}
