using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.Web;

/// <summary>A fixed window per client address; each named policy can be tuned under Aims:RateLimits:{name}.</summary>
public sealed class RateLimit
{
    public const string Section = "Aims:RateLimits";

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

public static class RateLimits
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

    /// <summary>Adds policy <paramref name="name"/>: <paramref name="permits"/> requests per window per client address unless configured otherwise.</summary>
    public static IServiceCollection AddRateLimitPolicy(this IServiceCollection services, IConfiguration configuration, string name, int permits, TimeSpan window)
    {
        var limit = new RateLimit { PermitLimit = permits, Window = window };
        configuration.GetSection($"{RateLimit.Section}:{name}").Bind(limit);
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(name, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 })));
        return services;
    }
}
