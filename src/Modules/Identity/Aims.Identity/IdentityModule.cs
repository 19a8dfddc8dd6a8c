using Aims.BuildingBlocks.Modules;
using Aims.Identity.Passwords;
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
    }
}
