using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Aims.BuildingBlocks.Persistence;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.Appeals.Persistence;

/// <summary>
/// Marten's tables and functions, made by <c>migrate</c>. The comparison took seconds of every start, so it runs only
/// when the code defining them is another build than the last comparison's (ADR 0049).
/// </summary>
internal sealed class EventStreamsSchema(IServiceProvider services, string schema, Assembly configuration) : ISchemaStep
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var fingerprint = Fingerprint();
        await using (var applied = dataSource.CreateCommand("SELECT obj_description(to_regnamespace(@schema), 'pg_namespace')"))
        {
            applied.Parameters.AddWithValue("schema", schema);
            if (await applied.ExecuteScalarAsync(cancellationToken) is string comment && comment == fingerprint)
            {
                return 0;
            }
        }

        await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
        // The schema's comment, not a table: nothing to migrate for it, and it goes wherever the schema goes.
        await using var record = dataSource.CreateCommand($"COMMENT ON SCHEMA {schema} IS '{fingerprint}'");
        await record.ExecuteNonQueryAsync(cancellationToken);
        return 0;
    }

    /// <summary>The builds (module version ids) of every assembly whose code decides Marten's schema objects.</summary>
    private string Fingerprint()
    {
        Assembly[] definitions =
        [
            configuration, typeof(IDocumentStore).Assembly, typeof(Weasel.Postgresql.PostgresqlProvider).Assembly,
            typeof(Weasel.Core.Migrator).Assembly, typeof(JasperFx.Events.IEvent).Assembly,
        ];
        var builds = string.Join(';', definitions.Select(a => $"{a.GetName().Name}:{a.ManifestModule.ModuleVersionId}"));
        return "marten " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builds)));
    }
}
