using System.Globalization;
using System.Threading.RateLimiting;

namespace Aims.Host.Composition;

/// <summary>The rate limiter the modules' named policies (<c>AddRateLimitPolicy</c>) are added to.</summary>
internal static class RateLimiting
{
    /// <summary>
    /// A refused request gets 429 with Retry-After; a browser then sees the readable error page (status-code
    /// re-execution), a program a problem-details body.
    /// </summary>
    public static IServiceCollection AddAimsRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        return services;
    }
}
