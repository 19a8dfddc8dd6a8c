using Aims.Appeals.Access;
using Aims.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Persistence;

internal sealed class AppealsDbContext(DbContextOptions<AppealsDbContext> options, DbSession session)
    : ModuleDbContext(options, session)
{
    public const string SchemaName = "appeals";

    public DbSet<AppealAccessEntry> AppealAccess => Set<AppealAccessEntry>();

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppealAccessEntry>(entity =>
        {
            entity.ToTable("appeal_access");
            entity.HasKey(a => new { a.AppealId, a.UserId });
            entity.Property(a => a.Party).HasConversion<string>();
            entity.HasIndex(a => a.UserId).HasDatabaseName("appeal_access_user");
        });
    }
}
