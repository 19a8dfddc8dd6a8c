using Aims.Identity.Contracts;
using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Aims.Host.Startup;

/// <summary>
/// OpenTelemetry for the portal (ADR 0040): metrics always, for the administrators' Prometheus endpoint; traces and an
/// OTLP export only when a collector is configured.
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>What Marten and Wolverine name their activity sources and meters (Wolverine adds ":" and the service name).</summary>
    private static readonly string[] Sources = ["Marten", "Wolverine"];

    private static readonly string[] Meters = ["Marten", "Wolverine", "Wolverine:*"];

    public static IServiceCollection AddAimsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = OtlpEndpoint(configuration);
        // Connection spans and a counter per appended event type; every SQL command comes from Npgsql's instrumentation.
        services.ConfigureMarten(marten =>
        {
            marten.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            marten.OpenTelemetry.TrackEventCounters();
        });
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "aims"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation().AddMeter(Meters).AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddSource(Sources)
                .AddOtlpExporter(exporter => exporter.Endpoint = otlp));
        }

        return services;
    }

    /// <summary>The scrape endpoint, for appeals administrators only (a scraper without a session uses OTLP instead).</summary>
    public static void MapAimsMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(nameof(Permission.RunOperations));

    /// <summary>The standard variable wins over <c>Aims:Telemetry:OtlpEndpoint</c>; neither set means no export.</summary>
    private static Uri? OtlpEndpoint(IConfiguration configuration) =>
        (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] ?? configuration["Aims:Telemetry:OtlpEndpoint"]) is { Length: > 0 } endpoint
            ? new Uri(endpoint)
            : null;
}
