using System.Threading.RateLimiting;
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
