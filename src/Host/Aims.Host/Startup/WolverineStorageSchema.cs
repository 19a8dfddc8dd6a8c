using Aims.BuildingBlocks.Persistence;
using Wolverine.Persistence.Durability;

namespace Aims.Host.Startup;

/// <summary>
/// Wolverine's tables (envelopes, nodes, dead letters) created or brought up to date by <c>migrate</c>, under Wolverine's
/// own lock, as Marten's are (ADR 0049, amended): a starting host only checks them.
/// </summary>
internal sealed class WolverineStorageSchema(IMessageStore store) : ISchemaStep
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        // Explicitly: the store's own setting follows AutoBuildMessageStorageOnStartup, which the host sets to None.
        await store.Admin.MigrateAsync(JasperFx.AutoCreate.CreateOrUpdate);
        return 0;
    }
}
