using System.Net;
using Aims.BuildingBlocks.Web;
using Microsoft.AspNetCore.HttpOverrides;

namespace Aims.Host.Startup;

/// <summary>
/// Plain HTTP behind a TLS proxy (docs/deploy.md): forwarded headers believed only from <c>Aims:ReverseProxy:KnownProxies</c>,
/// then HSTS, HTTPS redirect and Secure cookies, skipped only where <c>Aims:Identity:Sessions:AllowHttp</c> (ADR 0033).
/// </summary>
internal static class HttpsBehindProxy
{
    public const string KnownProxiesKey = "Aims:ReverseProxy:KnownProxies";

    public static IServiceCollection AddHttpsBehindProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = (configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [])
            .Select(address => IPAddress.TryParse(address, out var parsed)
                ? parsed
                : throw new StartupException($"{KnownProxiesKey} contains “{address}”, which is not an IP address: list the reverse proxy's addresses, e.g. 127.0.0.1."))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxy may say who the client is and how it connected.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            proxies.ForEach(forwarded.KnownProxies.Add);
        });

        var publicUrl = configuration.GetValue<Uri>($"{PortalOptions.Section}:PublicUrl");
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpsRedirection(redirect => redirect.HttpsPort = publicUrl?.Scheme == Uri.UriSchemeHttps ? publicUrl.Port : 443);
        services.Configure<CookiePolicyOptions>(cookies =>
            cookies.Secure = AllowsHttp(configuration) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        return services;
    }

    public static WebApplication UseHttpsBehindProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!AllowsHttp(app.Configuration))
        {
            app.UseHsts();
            // Health probes come straight to Kestrel over HTTP (systemd, the proxy's checks): answer them there.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        app.UseCookiePolicy();
        return app;
    }

    private static bool AllowsHttp(IConfiguration configuration) => configuration.GetValue<bool>("Aims:Identity:Sessions:AllowHttp");
}
