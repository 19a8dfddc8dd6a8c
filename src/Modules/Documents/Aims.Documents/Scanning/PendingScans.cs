using Aims.BuildingBlocks.Persistence;
using Aims.Documents.Contracts;
using Aims.Documents.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aims.Documents.Scanning;

/// <summary>
/// Rescans the quarantined documents clamd missed and releases the clean ones (ADR 0033). Two hosts give a document
/// the same verdict, so no lock; the real clock paces it (a test clock must not stop it).
/// </summary>
internal sealed class PendingScans(IServiceScopeFactory scopes, ClamdScanner scanner, IOptions<DocumentOptions> options, TimeProvider time, ILogger<PendingScans> logger)
    : BackgroundService
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!scanner.Configured)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RescanInterval);
        try
        {
            do
            {
                try
                {
                    await ScanPendingAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Documents waiting for the virus scanner could not be scanned ({Error}); trying again later", exception.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <returns>How many documents got a verdict.</returns>
    public async Task<int> ScanPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var stores = scope.ServiceProvider.GetRequiredService<ContentStores>();
        var pending = new List<(Guid Id, string Storage, long Size, int ChunkBytes)>();
        await using (var select = await session.CommandAsync(
            $"""
            SELECT id, storage, size_bytes, chunk_bytes FROM documents.documents
            WHERE scan_status = '{nameof(ScanStatus.Pending)}' AND removed_at IS NULL ORDER BY uploaded_at LIMIT {BatchSize}
            """,
            cancellationToken))
        await using (var row = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await row.ReadAsync(cancellationToken))
            {
                pending.Add((row.GetGuid(0), row.GetString(1), row.GetInt64(2), row.GetInt32(3)));
            }
        }

        var scanned = 0;
        foreach (var document in pending)
        {
            ScanVerdict verdict;
            await using (var content = await stores.For(document.Storage).OpenReadAsync(document.Id, document.Size, document.ChunkBytes, cancellationToken))
            {
                verdict = await scanner.ScanAsync(content, cancellationToken);
            }

            if (verdict.Status == ScanStatus.Pending)
            {
                logger.LogInformation("{Count} document(s) still wait for the virus scanner ({Detail})", pending.Count - scanned, verdict.Detail);
                break;
            }

            await using var update = await session.CommandAsync(
                $"""
                UPDATE documents.documents SET scan_status = @status, scan_detail = @detail, scanned_at = @at
                WHERE id = @id AND scan_status = '{nameof(ScanStatus.Pending)}'
                """,
                cancellationToken);
            update.Parameters.AddWithValue("status", verdict.Status.ToString());
            update.Parameters.AddWithValue("detail", (object?)verdict.Detail ?? DBNull.Value);
            update.Parameters.AddWithValue("at", time.GetUtcNow());
            update.Parameters.AddWithValue("id", document.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Document {DocumentId}, kept while the virus scanner was down, is now {Verdict}", document.Id, verdict.Status);
            scanned++;
        }

        return scanned;
    }
}
