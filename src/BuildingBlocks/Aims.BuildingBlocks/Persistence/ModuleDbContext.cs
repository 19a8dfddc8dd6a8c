using Microsoft.EntityFrameworkCore;

namespace Aims.BuildingBlocks.Persistence;

/// <summary>
/// Base of a module's DbContext: its own schema, snake_case names matching the SQL migrations, and saves that join
/// the scope's open transaction instead of starting their own (see <see cref="ModuleConventions"/>).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, DbSession session) : DbContext(options)
{
    protected abstract string Schema { get; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        this.JoinSessionTransaction(session);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

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
