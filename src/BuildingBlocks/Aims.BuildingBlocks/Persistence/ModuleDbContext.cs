using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Aims.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: its own schema, snake_case names matching the SQL migrations, and saves that join
/// the scope's open transaction instead of starting their own.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, DbSession session) : DbContext(options)
{
    protected abstract string Schema { get; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        JoinSessionTransaction();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: the database is only reached asynchronously.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureModel(modelBuilder);
        modelBuilder.UseSnakeCaseNames();
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    private void JoinSessionTransaction()
    {
        var current = Database.CurrentTransaction?.GetDbTransaction();
        if (!ReferenceEquals(current, session.Transaction))
        {
            Database.UseTransaction(session.Transaction);
        }
    }
}
