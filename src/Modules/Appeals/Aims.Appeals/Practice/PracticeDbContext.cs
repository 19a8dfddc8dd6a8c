using Aims.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Practice;

/// <summary>The practice schema: training appeals, what was uploaded to them, and completed scenarios (ADR 0024).</summary>
internal sealed class PracticeDbContext(DbContextOptions<PracticeDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "practice";

    public DbSet<PracticeAppeal> Appeals => Set<PracticeAppeal>();

    public DbSet<PracticeDocument> Documents => Set<PracticeDocument>();

    public DbSet<PracticeCompletion> Completions => Set<PracticeCompletion>();

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PracticeAppeal>(entity =>
        {
            entity.ToTable("appeals");
            entity.Property(a => a.Filed).HasColumnType("jsonb");
            entity.Property(a => a.Withdrawn).HasColumnType("jsonb");
            entity.HasIndex(a => new { a.UserId, a.FilingKey }).IsUnique();
            entity.HasIndex(a => new { a.UserId, a.CreatedAt }).HasDatabaseName("appeals_user").IsDescending(false, true);
        });
        modelBuilder.Entity<PracticeDocument>(entity =>
        {
            entity.ToTable("documents");
            entity.Property(d => d.Category).HasConversion<string>();
            entity.HasIndex(d => d.AppealId).HasDatabaseName("documents_appeal");
        });
        modelBuilder.Entity<PracticeCompletion>(entity =>
        {
            entity.ToTable("completions");
            entity.HasKey(c => new { c.UserId, c.Scenario });
            entity.Property(c => c.Scenario).HasConversion<string>();
        });
    }
}
