namespace Aims.Identity.Sessions;

internal sealed class SessionOptions
{
    public const string Section = "Aims:Identity:Sessions";

    /// <summary>Signed out after this long without a request (NIST SP 800-63B-4 AAL2 allows up to 1 hour).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Signed out this long after signing in, however active (AAL2 allows up to 24 hours).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The idle warning shows this long before the idle sign-out (at most half the idle time).</summary>
    public TimeSpan WarnBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Only for the local portal and tests on plain http://127.0.0.1: cookies then follow the request's scheme
    /// instead of always being Secure.
    /// </summary>
    public bool AllowHttp { get; set; }
}
