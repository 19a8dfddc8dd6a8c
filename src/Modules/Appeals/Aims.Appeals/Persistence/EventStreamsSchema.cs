using Aims.BuildingBlocks.Persistence;
using JasperFx;
using Marten;
using Npgsql;

namespace Aims.Appeals.Persistence;

/// <summary>Marten's tables and functions, created or brought up to date by <c>migrate</c> (run time never creates them).</summary>
internal sealed class EventStreamsSchema(IDocumentStore store, NpgsqlDataSource dataSource, string schema) : ISchemaStep
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        // The host forces custom plans (ADR 0042, for the staff searches), so Marten's append function planned its five
        // statements on every call; run with PostgreSQL's default it reuses them (ADR 0053). Set again after every
        // update, since Marten replacing its function drops the setting.
        await using var keepPlans = dataSource.CreateCommand($"ALTER FUNCTION {schema}.mt_quick_append_events SET plan_cache_mode = auto");
        await keepPlans.ExecuteNonQueryAsync(cancellationToken);
        return 0;
    }
}
