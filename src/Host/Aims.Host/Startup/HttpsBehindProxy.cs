using System.Net;
using Aims.BuildingBlocks.Web;
using Microsoft.AspNetCore.HttpOverrides;

namespace Aims.Host.Startup;

/// <summary>
/// The portal as deployed: Kestrel on plain HTTP behind a TLS reverse proxy (nginx, docs/deploy.md). X-Forwarded-For and
/// X-Forwarded-Proto are believed only from the addresses in <c>Aims:ReverseProxy:KnownProxies</c>, so a request is
/// HTTPS only when the proxy says so; then HSTS, a redirect of plain HTTP to HTTPS, and every cookie Secure (the
/// TempData and language cookies too). Only the local portal and tests (<c>Aims:Identity:Sessions:AllowHttp</c>) skip
/// the HTTPS parts (ADR 0033).
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
