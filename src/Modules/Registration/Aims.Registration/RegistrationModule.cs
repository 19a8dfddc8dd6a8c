using Aims.BuildingBlocks.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Registration;

public sealed class RegistrationModule : IModule
{
    public string Name => "Registration";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
    }
}
