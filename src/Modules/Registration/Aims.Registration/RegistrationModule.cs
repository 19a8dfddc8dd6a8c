using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.Identity.Contracts;
using Aims.BuildingBlocks.Web;
using Aims.Registration.Api;
using Aims.Registration.Claims;
using Aims.Registration.Demo;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Registration;

public sealed class RegistrationModule : IModule
{
    public string Name => "Registration";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalText<RegistrationText>();
        services.AddModuleDbContext<RegistrationDbContext>(
            new ModuleSchema(RegistrationDbContext.SchemaName, SqlMigration.EmbeddedIn(typeof(RegistrationModule).Assembly)));
        services.AddSingleton<RegistrationEmails>();
        services.AddSingleton<ClaimEmails>();
        services.AddScoped<IdentityClaims>();
        services.AddScoped<IDemoDataSeeder, RegistrationDemoSeeder>();
        services.AddRateLimitPolicy(configuration, RegistrationRateLimits.Requests, permits: 10, TimeSpan.FromMinutes(10));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAccessRequestsApi();
}
