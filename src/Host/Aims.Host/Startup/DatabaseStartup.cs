using System.Net.Sockets;
using Aims.BuildingBlocks.Web;
using Aims.Host.Composition;
using Npgsql;

namespace Aims.Host.Startup;

/// <summary>
/// Before anything else starts: migrate. Database problems become one <see cref="StartupException"/> line naming the
/// server and what to fix.
/// </summary>
internal sealed class DatabaseStartup(SchemaMigrator migrator, NpgsqlDataSource dataSource) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        ExplainFailuresAsync(dataSource, () => migrator.MigrateAsync(cancellationToken));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static async Task ExplainFailuresAsync(NpgsqlDataSource dataSource, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StartupException(Describe(exception, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString)), exception);
        }
    }

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
