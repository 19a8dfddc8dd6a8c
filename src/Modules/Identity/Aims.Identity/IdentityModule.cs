using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.Identity.Accounts;
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
        services.AddIdentityCore<AimsUser>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccountsDbContext>();
    }
}
