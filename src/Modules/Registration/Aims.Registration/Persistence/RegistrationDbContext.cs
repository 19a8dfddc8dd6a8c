using Aims.BuildingBlocks.Persistence;
using Aims.Registration.Agencies;
using Aims.Registration.Claims;
using Aims.Registration.Clients;
using Aims.Registration.Model;
using Aims.Registration.Providers;
using Aims.Registration.Requests;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Persistence;

internal sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options)
    : ModuleDbContext(options)
{
    public const string SchemaName = "registration";

    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<AgencyCoordinator> Coordinators => Set<AgencyCoordinator>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<ProviderMember> ProviderMembers => Set<ProviderMember>();

    public DbSet<ProviderInvitation> ProviderInvitations => Set<ProviderInvitation>();

    public DbSet<ClientProfile> ClientProfiles => Set<ClientProfile>();

    public DbSet<ClientRepresentative> ClientRepresentatives => Set<ClientRepresentative>();

    public DbSet<ClientRepresentativeInvitation> ClientRepresentativeInvitations => Set<ClientRepresentativeInvitation>();

    public DbSet<IdentityClaim> IdentityClaims => Set<IdentityClaim>();

    public DbSet<MemberRosterEntry> MemberRoster => Set<MemberRosterEntry>();

    public DbSet<ProviderRosterEntry> ProviderRoster => Set<ProviderRosterEntry>();

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
        modelBuilder.Entity<Provider>(provider =>
        {
            provider.ToTable("providers");
            provider.Property(p => p.Npi).HasMaxLength(10);
            provider.HasIndex(p => p.Npi);
        });
        modelBuilder.Entity<ProviderMember>(member =>
        {
            member.ToTable("provider_members");
            member.HasKey(m => new { m.ProviderId, m.UserId });
            member.HasOne<Provider>().WithMany().HasForeignKey(m => m.ProviderId);
            member.HasIndex(m => m.UserId);
        });
        modelBuilder.Entity<ProviderInvitation>(invitation =>
        {
            invitation.ToTable("provider_invitations");
            invitation.Property(i => i.NormalizedEmail).HasMaxLength(256);
            invitation.HasOne<Provider>().WithMany().HasForeignKey(i => i.ProviderId);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
        });
        modelBuilder.Entity<ClientProfile>(client =>
        {
            client.ToTable("client_profiles");
            client.HasKey(c => c.UserId);
            client.Property(c => c.MedicaidId).HasMaxLength(12);
            client.HasIndex(c => c.MedicaidId);
        });
        modelBuilder.Entity<ClientRepresentative>(link =>
        {
            link.ToTable("client_representatives");
            link.HasKey(l => new { l.ClientUserId, l.RepresentativeUserId });
            link.HasOne<ClientProfile>().WithMany().HasForeignKey(l => l.ClientUserId);
            link.HasIndex(l => l.RepresentativeUserId);
        });
        modelBuilder.Entity<ClientRepresentativeInvitation>(invitation =>
        {
            invitation.ToTable("client_representative_invitations");
            invitation.Property(i => i.NormalizedEmail).HasMaxLength(256);
            invitation.HasOne<ClientProfile>().WithMany().HasForeignKey(i => i.ClientUserId);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
        });
        modelBuilder.Entity<IdentityClaim>(claim =>
        {
            claim.ToTable("identity_claims");
            claim.Property(c => c.Kind).HasConversion<string>();
            claim.Property(c => c.Status).HasConversion<string>();
            claim.Property(c => c.Method).HasConversion<string>();
            claim.Property(c => c.Identifier).HasMaxLength(12);
            claim.Ignore(c => c.IsLive);
        });
        modelBuilder.Entity<MemberRosterEntry>(entry =>
        {
            entry.ToTable("member_roster");
            entry.HasKey(e => e.MedicaidId);
            entry.Property(e => e.MedicaidId).HasMaxLength(12);
        });
        modelBuilder.Entity<ProviderRosterEntry>(entry =>
        {
            entry.ToTable("provider_roster");
            entry.HasKey(e => e.Npi);
            entry.Property(e => e.Npi).HasMaxLength(10);
        });
    }
}
