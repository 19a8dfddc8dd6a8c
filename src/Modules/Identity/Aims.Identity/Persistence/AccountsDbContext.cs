using Aims.BuildingBlocks.Persistence;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Codes;
using Aims.Identity.Lockout;
using Aims.Identity.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Aims.Identity.Persistence;

/// <summary>
/// ASP.NET Core Identity's EF store (schema version 3, with passkeys) in the identity schema, following the same
/// module conventions as every other module context.
/// </summary>
internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityDbContext<AimsUser, IdentityRole<Guid>, Guid>(options)
{
    public const string SchemaName = "identity";

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<SignInFailures> SignInFailures => Set<SignInFailures>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AccountActivation> AccountActivations => Set<AccountActivation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.UseSchema(SchemaName);
        base.OnModelCreating(builder);
        builder.Entity<AimsUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<OneTimeCode>(code =>
        {
            code.ToTable("one_time_codes");
            code.Property(c => c.Purpose).HasConversion<string>();
            code.Property(c => c.Channel).HasConversion<string>();
            code.Property(c => c.State).HasConversion<string>();
            code.HasOne<AimsUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
            code.HasIndex(c => new { c.AttemptId, c.Purpose });
        });
        builder.Entity<SecurityEvent>(securityEvent =>
        {
            securityEvent.ToTable("security_events");
            securityEvent.Property(e => e.Kind).HasConversion<string>();
            securityEvent.Property(e => e.UserAgent).HasMaxLength(512);
            securityEvent.HasIndex(e => new { e.UserId, e.OccurredAt });
            securityEvent.HasIndex(e => e.OccurredAt);
        });
        builder.Entity<SignInFailures>(failures =>
        {
            failures.ToTable("sign_in_failures");
            failures.HasKey(f => f.NormalizedEmail);
            failures.Property(f => f.NormalizedEmail).HasMaxLength(256);
        });
        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.Property(t => t.Name).HasMaxLength(60);
            token.Property(t => t.Hint).HasMaxLength(16);
            token.HasOne<AimsUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            token.HasIndex(t => t.SecretHash).IsUnique();
        });
        builder.Entity<AccountActivation>(activation =>
        {
            activation.ToTable("account_activations");
            activation.HasKey(a => a.UserId);
            activation.HasOne<AimsUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            activation.HasIndex(a => a.TokenHash).IsUnique();
        });
        builder.UseModuleNames();
    }
}
