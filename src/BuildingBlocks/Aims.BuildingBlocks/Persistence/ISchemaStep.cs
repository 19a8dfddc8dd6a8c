namespace Aims.BuildingBlocks.Persistence;

/// <summary>
/// Schema work that is not a SQL script (a library's tables, a data move), run after the scripts under the same lock.
/// Must be safe to run again.
/// </summary>
public interface ISchemaStep
{
    /// <summary>Returns how many changes it made (0 when the database was already up to date).</summary>
    Task<int> ApplyAsync(CancellationToken cancellationToken);
}
