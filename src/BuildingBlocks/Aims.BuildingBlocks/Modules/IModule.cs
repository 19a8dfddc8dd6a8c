using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.Modules;

/// <summary>
/// A module's entry point: the host knows modules only through this, so a module's internals stay internal.
/// </summary>
public interface IModule
{
    string Name { get; }

    void Register(IServiceCollection services, IConfiguration configuration);

    /// <summary>The module's endpoints beyond its Razor Pages (its part of /api); most modules have pages only, for now.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
