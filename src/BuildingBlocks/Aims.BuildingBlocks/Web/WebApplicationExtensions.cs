using Microsoft.AspNetCore.Http;

namespace Aims.BuildingBlocks.Web;

/// <summary>What modules share with the host's pipeline (src/Host/Aims.Host/Web): who wants HTML, and the readiness tag.</summary>
public static class WebApplicationExtensions
{
    /// <summary>Health checks with this tag decide /health/ready.</summary>
    public const string ReadyTag = "ready";

    /// <summary>A browser navigating (Accept names text/html), not a script or API client, and not under /api.</summary>
    public static bool WantsHtml(HttpRequest request) => WantsHtml(request, null);

    /// <summary>The same, for the request's original <paramref name="path"/> (an error handler sees the error page's).</summary>
    public static bool WantsHtml(HttpRequest request, string? path) =>
        !(path is null ? request.Path : new PathString(path)).StartsWithSegments("/api")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
