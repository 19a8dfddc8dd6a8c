using Aims.BuildingBlocks.Persistence;
using Aims.Registration.Agencies;
using Aims.Registration.Requests;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Persistence;

internal sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options, DbSession session)
    : ModuleDbContext(options, session)
{
    public const string SchemaName = "registration";

    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AgencyCoordinator> Coordinators => Set<AgencyCoordinator>();

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccessRequest>(request =>
        {
            request.ToTable("access_requests");
            request.Property(r => r.AgencyType).HasConversion<string>();
            request.Property(r => r.Status).HasConversion<string>();
            request.Property(r => r.NormalizedEmail).HasMaxLength(256);
            // One pending request per email, enforced by the database so two submissions at once cannot both land.
            request.HasIndex(r => r.NormalizedEmail).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ux_access_requests_pending_email");
            request.HasIndex(r => new { r.Status, r.SubmittedAt });
            request.HasIndex(r => r.StatusTokenHash).IsUnique();
        });
        modelBuilder.Entity<Agency>(agency =>
        {
            agency.ToTable("agencies");
            agency.Property(a => a.Type).HasConversion<string>();
        });
        modelBuilder.Entity<AgencyCoordinator>(coordinator =>
        {
            coordinator.ToTable("agency_coordinators");
            coordinator.HasKey(c => c.UserId);
            coordinator.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId);
        });
    }
}
