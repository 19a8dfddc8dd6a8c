using Aims.BuildingBlocks.Persistence;
using JasperFx;
using Marten;

namespace Aims.Appeals.Persistence;

/// <summary>Marten's tables and functions, created or brought up to date by <c>migrate</c> (run time never creates them).</summary>
internal sealed class EventStreamsSchema(IDocumentStore store) : ISchemaStep
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        return 0;
    }
}
