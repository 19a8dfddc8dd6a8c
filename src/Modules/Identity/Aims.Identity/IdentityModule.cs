using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Accounts;
using Aims.Identity.Api;
using Aims.Identity.Audit;
using Aims.Identity.BotCheck;
using Aims.Identity.Codes;
using Aims.Identity.DataProtection;
using Aims.Identity.Contracts;
using Aims.Identity.Lockout;
using Aims.Identity.Passkeys;
using Aims.Identity.Passwords;
using Aims.Identity.Persistence;
using Aims.Identity.Sessions;
using Aims.Identity.SignIn;
using Aims.Identity.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aims.Identity;

public sealed class IdentityModule : IModule
{
    public string Name => "Identity";

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMe();
        endpoints.MapBotCheck();
    }

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalText<IdentityText>();
        services.AddSingleton<CommonPasswords>();
        services.AddDatabaseDataProtection();
        services.AddBotCheck(configuration);
        services.AddSingleton<PasswordPolicy>();
        services.AddModuleDbContext<AccountsDbContext>(
            new ModuleSchema(AccountsDbContext.SchemaName, SqlMigration.EmbeddedIn(typeof(IdentityModule).Assembly)));
        services.Configure<OneTimeCodeOptions>(configuration.GetSection(OneTimeCodeOptions.Section));
        services.AddScoped<OneTimeCodes>();
        services.Configure<SignInLockoutOptions>(configuration.GetSection(SignInLockoutOptions.Section));
        services.AddScoped<SignInLockout>();
        services.AddScoped<FailedAttempts>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<AccountActivations>();
        services.AddApiAccess();
        services.AddHttpContextAccessor();
        services.AddScoped<SecurityAudit>();
        services.AddScoped<AccountOpening>();
        services.Configure<StaffOptions>(configuration.GetSection(StaffOptions.Section));
        services.AddScoped<TemporaryPasswords>();
        services.AddScoped<ConfirmationLinks>();
        services.AddSingleton<AccountEmails>();
        services.AddScoped<IDemoDataSeeder, IdentityDemoSeeder>();
        services.AddAimsSessions(configuration);
        services.AddSingleton<IAuthorizationHandler, SignedInOrUnknownAddress>();
        services.AddAuthorization(options =>
        {
            options.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new SignedInOrUnknownAddress()).Build();
            foreach (var (permission, roles) in AccessTable.RolesWith)
            {
                options.AddPolicy(permission.ToString(), policy => policy.RequireRole(roles.Select(role => role.ToString())));
            }
        });
        services.Configure<MvcOptions>(options => options.Filters.Add(new ForcedPasswordChangeFilter()));
        services.AddRateLimitPolicy(configuration, IdentityRateLimits.SignIn, permits: 20, TimeSpan.FromMinutes(1));
        services.AddRateLimitPolicy(configuration, IdentityRateLimits.Codes, permits: 20, TimeSpan.FromMinutes(1));
        services.AddRateLimitPolicy(configuration, IdentityRateLimits.SignUp, permits: 10, TimeSpan.FromMinutes(10));
        services.AddRateLimitPolicy(configuration, IdentityRateLimits.PasswordReset, permits: 5, TimeSpan.FromMinutes(15));
        services.AddOptions<PasskeyAttestationOptions>().Bind(configuration.GetSection(PasskeyAttestationOptions.Section));
        services.AddSingleton<AuthenticatorMetadata>();
        services.AddHostedService<AuthenticatorMetadataStartup>();
        services.AddScoped<PasskeyAttestation>();
        foreach (var name in new[] { Options.DefaultName, StaffAwarePasskeyHandler.StaffPasskeys })
        {
            // The relying party is the portal's public host (browsers refuse an IP address); tests on localhost set it directly.
            services.AddOptions<IdentityPasskeyOptions>(name)
                .Configure<IOptions<PortalOptions>, IOptions<PasskeyAttestationOptions>>((passkeys, portal, attestation) =>
                {
                    passkeys.ServerDomain = configuration["Aims:Identity:Passkeys:ServerDomain"] ?? portal.Value.PublicUrl.Host;
                    passkeys.UserVerificationRequirement = "required";
                    passkeys.ResidentKeyRequirement = "required";
                    passkeys.VerifyAttestationStatement = PasskeyAttestation.VerifyAsync;
                    if (name == StaffAwarePasskeyHandler.StaffPasskeys && attestation.Value.RequiredForStaff)
                    {
                        passkeys.AttestationConveyancePreference = "direct";
                    }
                });
        }

        services.Configure<PasswordHasherOptions>(options => options.IterationCount = PasswordHashing.Iterations);
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
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AimsClaimsFactory>()
            .AddPasswordValidator<PolicyPasswordValidator>();
        // After Identity's own registration: the handler takes the staff options when a staff member is signed in.
        services.Replace(ServiceDescriptor.Scoped<IPasskeyHandler<AimsUser>, StaffAwarePasskeyHandler>());
    }
}
