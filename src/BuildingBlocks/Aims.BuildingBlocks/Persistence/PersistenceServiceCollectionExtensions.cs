using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// A module's DbContext on the scope's shared connection, with its migrations. The context must apply
    /// <see cref="ModuleConventions"/> (a <see cref="ModuleDbContext"/> does). Contexts are pooled (ADR 0053): a request
    /// leases one, set to the scope's connection, instead of building a context and its internal services each time.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, ModuleSchema schema)
        where TContext : DbContext
    {
        services.AddSingleton(schema);
        // No connection here: each lease gets its scope's.
        services.AddPooledDbContextFactory<TContext>(options => options.UseNpgsql());
        services.AddScoped(provider =>
        {
            var session = provider.GetRequiredService<DbSession>();
            var context = provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.Database.SetDbConnection(session.Connection);
            // Saves join the scope's open transaction. EF raises SavingChanges before it picks a transaction, and a
            // context back in the pool forgets the handler (each lease restores the pool's snapshot of its events).
            context.SavingChanges += (_, _) => session.Join(context);
            return context;
        });
        return services;
    }
}
