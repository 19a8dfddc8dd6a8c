using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// A module's DbContext on the scope's shared connection, with its migrations. The context must apply
    /// <see cref="ModuleConventions"/> (a <see cref="ModuleDbContext"/> does).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, ModuleSchema schema)
        where TContext : DbContext
    {
        services.AddSingleton(schema);
        services.AddDbContext<TContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<DbSession>().Connection));
        return services;
    }
}
