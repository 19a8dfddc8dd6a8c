namespace Aims.Registration;

/// <summary>Rate-limit policy names for the public registration pages (limits configurable under Aims:RateLimits).</summary>
internal static class RegistrationRateLimits
{
    public const string Requests = "Registration";
}
