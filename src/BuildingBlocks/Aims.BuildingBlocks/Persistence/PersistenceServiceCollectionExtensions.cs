using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// A module's DbContext on the scope's shared connection, with its migrations; it applies <see cref="ModuleConventions"/>.
    /// Pooled (ADR 0053): a request leases one instead of building it and EF Core's services for it each time.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, ModuleSchema schema)
        where TContext : DbContext
    {
        services.AddSingleton(schema);
        services.AddPooledDbContextFactory<TContext>(options => options.UseNpgsql());
        services.AddScoped(provider =>
        {
            var session = provider.GetRequiredService<DbSession>();
            var context = provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.Database.SetDbConnection(session.Connection);
            // Raised before EF Core picks a transaction; a lease restores the pool's snapshot of events, dropping this one.
            context.SavingChanges += (_, _) => session.Join(context);
            return context;
        });
        return services;
    }
}
