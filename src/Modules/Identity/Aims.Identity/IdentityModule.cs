using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.Codes;
using Aims.Identity.Lockout;
using Aims.Identity.Passwords;
using Aims.Identity.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Identity;

public sealed class IdentityModule : IModule
{
    public string Name => "Identity";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<PasswordPolicy>();
        services.AddModuleDbContext<AccountsDbContext>(
            new ModuleSchema(AccountsDbContext.SchemaName, SqlMigration.EmbeddedIn(typeof(IdentityModule).Assembly)));
        services.Configure<OneTimeCodeOptions>(configuration.GetSection(OneTimeCodeOptions.Section));
        services.AddScoped<OneTimeCodes>();
        services.Configure<SignInLockoutOptions>(configuration.GetSection(SignInLockoutOptions.Section));
        services.AddScoped<SignInLockout>();
        services.AddHttpContextAccessor();
        services.AddScoped<SecurityAudit>();
        services.AddIdentityCore<AimsUser>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                // The composition rules live in PasswordPolicy (seed + common-password list), not in Identity's options.
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // Lockout is AIMS's own (SignInLockout): one counter for passwords and codes, enumeration-safe.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddPasswordValidator<PolicyPasswordValidator>();
    }
}
