using System.Net.Sockets;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Aims.Host.Composition;
using JasperFx;
using Npgsql;
using Wolverine;

namespace Aims.Host.Startup;

/// <summary>
/// First of all: Production checks that <c>migrate</c> has brought the database up to date, elsewhere (./build.sh run,
/// tests) it is migrated. Database problems become one <see cref="StartupException"/> line naming what to fix.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceProvider services, IHostEnvironment environment, NpgsqlDataSource dataSource, IEnumerable<ModuleSchema> schemas) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        ExplainFailuresAsync(dataSource, async () =>
        {
            StartupTimeline.Mark("hosted services built");
            // The migrator is resolved only where it runs: its steps build Marten's store, which a Production start
            // would otherwise pay for before anyone asked for an appeal (issue 20's cold start).
            if (environment.IsProduction())
            {
                await AssertMigratedAsync(cancellationToken);
            }
            else
            {
                await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            }

            StartupTimeline.Mark("database checked");
        });

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The schema is <c>migrate</c>'s job (ADR 0049, amended): the host only reads every module's migration history in
    /// one query and refuses to start while a registered migration is missing from it, changing nothing.
    /// </summary>
    private async Task AssertMigratedAsync(CancellationToken cancellationToken)
    {
        var registered = schemas.SelectMany(schema => schema.Migrations.Select(migration => $"{schema.Name}/{migration.Id}")).ToList();
        // Schema names are plain identifiers (ModuleSchema checks them), so they can be written into the statement.
        var history = string.Join(" UNION ALL ", schemas.Select(schema => schema.Name).Distinct()
            .Select(name => $"SELECT '{name}/' || id FROM {name}.schema_migrations"));
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            StartupTimeline.Mark("database connected");
            await using var command = new NpgsqlCommand(history, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (PostgresException missing) when (missing.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            // A history table that is not there: that module was never migrated.
        }

        var pending = registered.Where(id => !applied.Contains(id)).ToList();
        if (pending.Count > 0)
        {
            throw new StartupException(NotMigrated($"{pending.Count} of its {registered.Count} migrations are not applied ({string.Join(", ", pending.Take(3))}{(pending.Count > 3 ? ", …" : "")})"));
        }
    }

    /// <summary>The line for a database <c>migrate</c> has not brought up to date.</summary>
    internal static string NotMigrated(string what) =>
        $"The database is not up to date: {what}. Run `dotnet Aims.Host.dll migrate` (./build.sh migrate) first, then start the portal.";

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

internal static class DatabaseStartupServiceCollectionExtensions
{
    /// <summary>
    /// The schema is <c>migrate</c>'s job: it also builds Wolverine's tables, and the host never does (Wolverine only
    /// checks them at its start). Registered first, so it runs before Wolverine or the server touch the database.
    /// </summary>
    public static IServiceCollection AddDatabaseStartup(this IServiceCollection services)
    {
        services.AddHostedService<DatabaseStartup>();
        services.AddSingleton<ISchemaStep, WolverineStorageSchema>();
        services.ConfigureWolverine(options => options.AutoBuildMessageStorageOnStartup = AutoCreate.None);
        return services;
    }
}
