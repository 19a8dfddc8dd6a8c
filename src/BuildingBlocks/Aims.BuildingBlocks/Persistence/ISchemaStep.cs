namespace Aims.BuildingBlocks.Persistence;

/// <summary>
/// Schema work that is not a SQL script (a library's own tables, a data move between them), run by
/// <see cref="SchemaMigrator"/> after the scripts, in registration order, under the same lock. Each must be safe to run
/// again: a second run finds nothing to do.
/// </summary>
public interface ISchemaStep
{
    /// <summary>Returns how many changes it made (0 when the database was already up to date).</summary>
    Task<int> ApplyAsync(CancellationToken cancellationToken);
}
