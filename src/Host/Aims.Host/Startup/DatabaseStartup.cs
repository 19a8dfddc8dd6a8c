using System.Net.Sockets;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Seeding;
using Aims.BuildingBlocks.Web;
using Npgsql;

namespace Aims.Host.Startup;

/// <summary>
/// Before the server listens: migrate, then (where configured) seed demo data. Database problems become one
/// <see cref="StartupException"/> line naming the server and what to fix.
/// </summary>
internal sealed class DatabaseStartup(
    SchemaMigrator migrator,
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    DemoSignInAnnouncer announcer) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await migrator.MigrateAsync(cancellationToken);
            if (configuration.GetValue<bool>("Aims:SeedDemoData"))
            {
                await using var scope = scopes.CreateAsyncScope();
                foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
                {
                    announcer.Add(await seeder.SeedAsync(cancellationToken));
                }
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StartupException(Describe(exception, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString)), exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Describe(Exception exception, NpgsqlConnectionStringBuilder target)
    {
        var server = $"PostgreSQL at {target.Host}:{target.Port}, database '{target.Database}'";
        return exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                $"{server} refused user '{target.Username}': fix the user name or password in ConnectionStrings__Aims.",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                $"{server} does not exist: create it (createdb {target.Database}) or fix ConnectionStrings__Aims.",
            PostgresException postgres => $"{server} failed while migrating: {postgres.MessageText}",
            _ => $"Cannot reach {server} ({exception.GetBaseException().Message}): start PostgreSQL or fix ConnectionStrings__Aims; ./build.sh run provisions a local one.",
        };
    }
}
