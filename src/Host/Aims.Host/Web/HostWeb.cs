using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aims.Host.Web;

/// <summary>The web conventions only the host wires: headers, correlation, errors, the request's language, health.</summary>
internal static class HostWeb
{
    public static IServiceCollection AddHostWeb(this IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [WebApplicationExtensions.ReadyTag]);
        // English unless the language cookie says Spanish; the division's own pages and the API stay English (ADR 0022).
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalLanguages.English);
            options.SupportedCultures = [.. PortalLanguages.All];
            options.SupportedUICultures = [.. PortalLanguages.All];
            options.FallBackToParentCultures = false;
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context => Task.FromResult(PortalLanguages.IsEnglishOnly(context.Request.Path)
                    ? new ProviderCultureResult(PortalLanguages.English.Name)
                    : null)),
                new CookieRequestCultureProvider { CookieName = PortalLanguages.CookieName },
            ];
        });
        return services;
    }

    /// <summary>
    /// A strict Content-Security-Policy (no inline script or style) and the usual hardening headers on every response,
    /// written as it starts, so the error page after the exception handler cleared the headers has them too.
    /// </summary>
    public static IApplicationBuilder UseAimsSecurityHeaders(this IApplicationBuilder app) => app.UseSecurityHeaders(new HeaderPolicyCollection()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddImgSrc().Self().Data();
            csp.AddStyleSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddFrameAncestors().None();
            csp.AddFormAction().Self();
            csp.AddBaseUri().Self();
            csp.AddObjectSrc().None();
        })
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddPermissionsPolicy(permissions =>
        {
            permissions.AddCamera().None();
            permissions.AddMicrophone().None();
            permissions.AddGeolocation().None();
        }));

    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.UseMiddleware<CorrelationMiddleware>();

    /// <summary>Names the signed-in account as the actor of the request's logs, events and outbox rows.</summary>
    public static IApplicationBuilder UseOperationActor(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } actor)
        {
            context.RequestServices.GetRequiredService<OperationContext>().ActorId = actor;
        }

        return next(context);
    });

    /// <summary>
    /// Browsers get the friendly page at <paramref name="errorPage"/> (with the right status), API clients RFC 9457
    /// problem details, for exceptions and for empty 4xx/5xx alike.
    /// </summary>
    public static IApplicationBuilder UseAimsErrorHandling(this IApplicationBuilder app, string errorPage)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = errorPage, AllowStatusCode404Response = true });
        app.UseWhen(context => WebApplicationExtensions.WantsHtml(context.Request), html => html.UseStatusCodePagesWithReExecute(errorPage, "?status={0}"));
        app.UseWhen(context => !WebApplicationExtensions.WantsHtml(context.Request), api => api.UseStatusCodePages());
        return app;
    }

    public static IApplicationBuilder UsePortalLanguages(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>
    /// /health/live answers while the process runs; /health/ready also needs the database and says in JSON how each
    /// check went (the virus scanner's "degraded" keeps it 200: uploads then wait in quarantine).
    /// </summary>
    public static IEndpointRouteBuilder MapAimsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(WebApplicationExtensions.ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }),
        }).AllowAnonymous();
        return endpoints;
    }
}
