using System.Net;
using Aims.Host.Startup;
using Aims.Identity.Contracts;
using Aims.IntegrationTests.Registration;
using Aims.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// OpenTelemetry (ADR 0040): the Prometheus endpoint answers appeals administrators only; traces and the OTLP export
/// exist only when a collector is configured.
/// </summary>
public sealed class MetricsEndpointTests() : RegistrationTest("aims_test_metrics")
{
    [Test]
    public async Task Metrics_are_refused_to_anonymous_and_non_administrators_and_shown_to_an_administrator()
    {
        using var anonymous = NewBrowser();
        var refused = await anonymous.GetAsync(Telemetry.MetricsPath);
        refused.Status.ShouldNotBe(HttpStatusCode.OK);
        refused.Html.ShouldNotContain("http_server_request_duration");

        await CreateAccountAsync("metrics.provider@provider.example");
        using var provider = NewBrowser();
        await provider.SignInAsync(ConnectionString, "metrics.provider@provider.example", Password);
        var forbidden = await provider.GetAsync(Telemetry.MetricsPath);
        forbidden.Status.ShouldNotBe(HttpStatusCode.OK);
        forbidden.Html.ShouldNotContain("http_server_request_duration");

        using var admin = await AdministratorAsync();
        (await admin.GetAsync("/admin/operations")).Status.ShouldBe(HttpStatusCode.OK);
        var metrics = await admin.Http.GetStringAsync(Telemetry.MetricsPath);

        metrics.ShouldContain("http_server_request_duration_seconds_bucket{");
        metrics.ShouldMatch("http_route=\"/?admin/operations\"");
        metrics.ShouldContain("db_client_", customMessage: "Npgsql's metrics");
    }

    [Test]
    public async Task The_operations_page_links_to_dead_letters_waiting_messages_sign_in_failures_and_metrics()
    {
        using var admin = await AdministratorAsync();

        var page = await admin.GetAsync("/admin/operations");

        page.Html.ShouldContain("href=\"#dead\"");
        page.Html.ShouldContain("href=\"#upcoming\"");
        page.Html.ShouldContain("href=\"/admin/security-events\"");
        page.Html.ShouldContain($"href=\"{Telemetry.MetricsPath}\"");
    }

    [Test]
    public void Traces_are_off_without_a_collector_and_on_with_one()
    {
        TracerProviderWith(new()).ShouldBeNull();
        TracerProviderWith(new() { ["Aims:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317" }).ShouldNotBeNull();
        TracerProviderWith(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" }).ShouldNotBeNull();
    }

    private static TracerProvider? TracerProviderWith(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAimsTelemetry(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetService<TracerProvider>();
    }
}
