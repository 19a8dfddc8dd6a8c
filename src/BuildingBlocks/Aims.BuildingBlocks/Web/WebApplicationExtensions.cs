using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aims.BuildingBlocks.Web;

public static class WebApplicationExtensions
{
    public const string ReadyTag = "ready";

    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.UseMiddleware<CorrelationMiddleware>();

    /// <summary>Names the signed-in account as the actor of the request's logs, events and outbox rows.</summary>
    public static IApplicationBuilder UseOperationActor(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } actor)
        {
            context.RequestServices.GetRequiredService<Modules.OperationContext>().ActorId = actor;
        }

        return next(context);
    });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeadersMiddleware>();

    /// <summary>
    /// Errors as a person or a program expects them: browsers get the friendly page at <paramref name="errorPage"/>
    /// (with the right status), API clients get RFC 9457 problem details — for exceptions and for empty 4xx/5xx alike.
    /// </summary>
    public static IApplicationBuilder UseAimsErrorHandling(this IApplicationBuilder app, string errorPage)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = errorPage, AllowStatusCode404Response = true });
        app.UseWhen(context => WantsHtml(context.Request), html => html.UseStatusCodePagesWithReExecute(errorPage, "?status={0}"));
        app.UseWhen(context => !WantsHtml(context.Request), api => api.UseStatusCodePages());
        return app;
    }

    /// <summary>A browser navigating (Accept names text/html), not a script or API client, and not under /api.</summary>
    public static bool WantsHtml(HttpRequest request) => WantsHtml(request, null);

    /// <summary>The same, for the request's original <paramref name="path"/> (an error handler sees the error page's).</summary>
    public static bool WantsHtml(HttpRequest request, string? path) =>
        !(path is null ? request.Path : new PathString(path)).StartsWithSegments("/api")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// /health/live answers while the process runs; /health/ready also needs the database, and says in JSON how each
    /// check went (the virus scanner's "degraded" keeps it 200: uploads then wait in quarantine).
    /// </summary>
    public static IEndpointRouteBuilder MapAimsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
