using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// Migrations are hand-written SQL (ADR 0003): fails when a module's EF model and its migrated tables disagree on a
/// table, column, type, nullability or primary key.
/// </summary>
public sealed class ModelMatchesSchemaTests
{
    [Test]
    public async Task Every_module_context_matches_the_migrated_database()
    {
        // Every context Program.cs registers (module contexts and framework ones such as Identity's store alike).
        var contextTypes = HostUnderTest.Registrations
            .Select(descriptor => descriptor.ServiceType)
            .Where(type => typeof(DbContext).IsAssignableFrom(type) && !type.IsAbstract)
            .Distinct()
            .ToList();
        contextTypes.ShouldNotBeEmpty();
        await using var scope = HostUnderTest.Portal.Services.CreateAsyncScope();

        var differences = new List<string>();
        await using var connection = new NpgsqlConnection(HostUnderTest.ConnectionString);
        await connection.OpenAsync();
        foreach (var contextType in contextTypes)
        {
            var model = ((DbContext)scope.ServiceProvider.GetRequiredService(contextType)).Model;
            foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsMappedToJson()))
            {
                var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                // An owned type mapped to JSON (Identity's passkey data) is one jsonb column of its owner.
                var jsonColumns = entity.GetNavigations()
                    .Where(n => n.TargetEntityType.IsMappedToJson())
                    .Select(n => $"{n.TargetEntityType.GetContainerColumnName()} jsonb {(n.ForeignKey.IsRequiredDependent ? "not null" : "null")}");
                var expected = entity.GetProperties()
                    .Select(p => $"{p.GetColumnName(table)} {p.GetColumnType()} {(p.IsColumnNullable(table) ? "null" : "not null")}")
                    .Concat(jsonColumns)
                    .Order().ToList();
                var actual = await ColumnsAsync(connection, table.Schema!, table.Name);
                var name = $"{contextType.Name}: {table.Schema}.{table.Name}";
                differences.AddRange(expected.Except(actual).Select(c => $"{name} model has [{c}], database does not"));
                differences.AddRange(actual.Except(expected).Select(c => $"{name} database has [{c}], model does not"));

                var modelKey = (entity.FindPrimaryKey()?.Properties ?? []).Select(p => p.GetColumnName(table)).Order().ToList();
                var databaseKey = await PrimaryKeyAsync(connection, table.Schema!, table.Name);
                if (!modelKey.SequenceEqual(databaseKey))
                {
                    differences.Add($"{name} primary key: model ({string.Join(", ", modelKey)}), database ({string.Join(", ", databaseKey)})");
                }
            }
        }

        differences.ShouldBeEmpty();
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string schema, string table)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relname = @table AND a.attnum > 0 AND NOT a.attisdropped
            """, connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        return await ReadStringsAsync(command);
    }

    private static async Task<List<string>> PrimaryKeyAsync(NpgsqlConnection connection, string schema, string table)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
            WHERE i.indisprimary AND n.nspname = @schema AND c.relname = @table
            """, connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        return await ReadStringsAsync(command);
    }

    private static async Task<List<string>> ReadStringsAsync(NpgsqlCommand command)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values.Order().ToList();
    }
}
