using Aims.Appeals.Model;
using Aims.BuildingBlocks.Persistence;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aims.Appeals.Persistence;

/// <summary>
/// Copies the previous hand-written event store (appeals.streams, appeals.events) into Marten (ADR 0034) in order, with
/// metadata, rebuilds the list rows and drops the old tables. Batched and resumable; a second run does nothing.
/// </summary>
internal sealed class LegacyEventImport(NpgsqlDataSource dataSource, IDocumentStore store, ILogger<LegacyEventImport> logger) : ISchemaStep
{
    private const int BatchSize = 500;

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await ScalarAsync(connection, null, "SELECT to_regclass('appeals.events') IS NOT NULL", cancellationToken) is not true)
        {
            return 0;
        }

        var aliases = AppealStreams.EventTypes.Select(t => t.Name).ToArray();
        var dotnetTypes = AppealStreams.EventTypes.Select(t => $"{t.FullName}, {t.Assembly.GetName().Name}").ToArray();
        if (await ScalarAsync(connection, null, "SELECT string_agg(DISTINCT type, ', ') FROM appeals.events WHERE NOT (type = ANY(@aliases))", cancellationToken,
                ("aliases", aliases)) is string unknown)
        {
            throw new InvalidOperationException($"appeals.events holds events of types this version does not know ({unknown}); nothing was imported.");
        }

        var streams = 0;
        while (await ImportBatchAsync(connection, aliases, dotnetTypes, cancellationToken) is var imported and > 0)
        {
            streams += imported;
            logger.LogInformation("Imported {Streams} appeal streams into Marten so far", streams);
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // New events number on from the last imported one; then the old tables go.
            await ScalarAsync(connection, transaction,
                "SELECT setval('appeals.mt_events_sequence', GREATEST((SELECT max(seq_id) FROM appeals.mt_events), 1)); " +
                "DROP TABLE appeals.events; DROP TABLE appeals.streams",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Moved {Streams} appeal streams from the hand-written event store into Marten and dropped its tables", streams);
        return streams;
    }

    private async Task<int> ImportBatchAsync(NpgsqlConnection connection, string[] aliases, string[] dotnetTypes, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<Guid>();
        await using (var select = new NpgsqlCommand(
            "SELECT s.id FROM appeals.streams s WHERE NOT EXISTS (SELECT 1 FROM appeals.mt_streams m WHERE m.id = s.id) ORDER BY s.created_at, s.id LIMIT @size",
            connection, transaction))
        {
            select.Parameters.AddWithValue("size", BatchSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        await ScalarAsync(connection, transaction,
            """
            INSERT INTO appeals.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived)
            SELECT id, 'appeal', version, updated_at, created_at, '*DEFAULT*', false FROM appeals.streams WHERE id = ANY(@ids);
            INSERT INTO appeals.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type,
                                           correlation_id, causation_id, user_name, is_archived)
            SELECT e.seq, e.id, e.stream_id, e.version, e.data, e.type, e.timestamp, '*DEFAULT*', t.dotnet_type,
                   e.correlation_id, e.causation_id, e.actor, false
            FROM appeals.events e JOIN unnest(@aliases, @dotnet_types) AS t (alias, dotnet_type) ON t.alias = e.type
            WHERE e.stream_id = ANY(@ids)
            ORDER BY e.seq;
            """,
            cancellationToken, ("ids", ids.ToArray()), ("aliases", aliases), ("dotnet_types", dotnetTypes));

        // The list rows rebuilt from the streams as Marten now reads them, in the same transaction.
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            foreach (var id in ids)
            {
                var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
                AppealListProjection.Write(session, AppealStreams.Fold(id, events), events[^1].Timestamp, justFiled: true);
            }

            await session.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    private static async Task<object?> ScalarAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
