using Microsoft.EntityFrameworkCore;

namespace Aims.BuildingBlocks.Persistence;

/// <summary>
/// Base of a module's DbContext: its own schema and snake_case names matching the SQL migrations (see
/// <see cref="ModuleConventions"/>); its saves join the scope's open transaction (see <see cref="PersistenceServiceCollectionExtensions"/>).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    protected abstract string Schema { get; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the database is only reached asynchronously.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseSchema(Schema);
        ConfigureModel(modelBuilder);
        modelBuilder.UseModuleNames();
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
