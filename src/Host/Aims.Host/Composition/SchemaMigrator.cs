using Aims.BuildingBlocks.Persistence;
using Npgsql;

namespace Aims.Host.Composition;

/// <summary>
/// Every module's pending SQL migrations in one transaction, then the <see cref="ISchemaStep"/>s, under one advisory
/// lock, so two hosts starting together migrate once.
/// </summary>
public sealed class SchemaMigrator(
    NpgsqlDataSource dataSource, IEnumerable<ModuleSchema> schemas, IEnumerable<ISchemaStep> steps, ILogger<SchemaMigrator> logger)
{
    private const long MigrationLockKey = 0x41494D53_4D494752; // "AIMSMIGR"

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A session lock, not a transaction's: the steps after the scripts use connections of their own.
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            var applied = await ApplyScriptsAsync(connection, cancellationToken);
            foreach (var step in steps)
            {
                applied += await step.ApplyAsync(cancellationToken);
            }

            return applied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private async Task<int> ApplyScriptsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = 0;
        foreach (var schema in schemas)
        {
            await ExecuteAsync(connection, transaction,
                $"CREATE SCHEMA IF NOT EXISTS {schema.Name}; " +
                $"CREATE TABLE IF NOT EXISTS {schema.Name}.schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);

            var done = await AppliedAsync(connection, transaction, schema.Name, cancellationToken);
            foreach (var migration in schema.Migrations.Where(m => !done.Contains(m.Id)))
            {
                logger.LogInformation("Applying migration {Schema}/{Migration}", schema.Name, migration.Id);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await using var record = new NpgsqlCommand($"INSERT INTO {schema.Name}.schema_migrations (id) VALUES (@id)", connection, transaction);
                record.Parameters.AddWithValue("id", migration.Id);
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task<HashSet<string>> AppliedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT id FROM {schema}.schema_migrations", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
