using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aims.Documents.Scanning;

/// <summary>
/// The virus scanner on /health/ready. Down is "degraded", not "unhealthy": uploads still work (they wait in
/// quarantine), so the portal should stay in the load balancer while someone restarts clamd.
/// </summary>
internal sealed class ScannerHealthCheck(ClamdScanner scanner) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!scanner.Configured)
        {
            return HealthCheckResult.Healthy("No virus scanner is configured: documents are stored and served unscanned.");
        }

        return await scanner.AnswersAsync(cancellationToken)
            ? HealthCheckResult.Healthy("clamd answers.")
            : HealthCheckResult.Degraded("clamd does not answer: new documents wait in quarantine until it does.");
    }
}
