using Aims.Appeals.Access;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Persistence;

internal sealed class AppealsDbContext(DbContextOptions<AppealsDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "appeals";

    public DbSet<AppealAccessEntry> AppealAccess => Set<AppealAccessEntry>();

    public DbSet<AppealSummary> Summaries => Set<AppealSummary>();

    public DbSet<FilingKey> FilingKeys => Set<FilingKey>();

    public DbSet<StaffLoad> StaffLoads => Set<StaffLoad>();

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
        modelBuilder.Entity<AppealSummary>(entity =>
        {
            entity.ToTable("appeal_summaries");
            entity.Property(a => a.Kind).HasConversion<string>();
            entity.Property(a => a.Status).HasConversion<string>();
            // Codes, not sentences (ADR 0043): the columns keep their names and hold the enum members' names.
            entity.Property(a => a.NextDeadlineKind).HasColumnName("next_deadline_what").HasConversion<string>();
            entity.Property(a => a.NextStep).HasConversion<string>();
            entity.Property(a => a.ClockKind).HasColumnName("clock_name").HasConversion<string>();
            entity.HasIndex(a => a.CaseNumber).IsUnique();
            entity.HasIndex(a => a.ProviderId).HasDatabaseName("appeal_summaries_provider").HasFilter("provider_id IS NOT NULL");
            entity.HasIndex(a => a.AgencyId).HasDatabaseName("appeal_summaries_agency").HasFilter("agency_id IS NOT NULL");
            entity.HasIndex(a => a.FiledBy).HasDatabaseName("appeal_summaries_filed_by");
        });
        modelBuilder.Entity<FilingKey>(entity =>
        {
            entity.ToTable("filing_keys");
            entity.HasKey(k => new { k.UserId, k.Key });
        });
        modelBuilder.Entity<StaffLoad>(entity =>
        {
            entity.ToTable("staff_load");
            entity.HasKey(l => new { l.UserId, l.Name, l.ClockDue });
        });
    }
}
