using System.Reflection;
using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using Aims.Host.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Aims.Host.Composition;

public static class AimsServiceCollectionExtensions
{
    public const string ConnectionStringName = "Aims";

    /// <summary>The key of the receivers' own pool (ADR 0055, amended): generic plans, and no reset between runs.</summary>
    public const string ReceiverDataSourceKey = "aims-receivers";

    /// <summary>
    /// Everything the modules stand on: the database, the scope's session, MediatR with its pipeline, the outbox and
    /// scheduler, problem details and health checks; then each module registers itself.
    /// </summary>
    public static IServiceCollection AddAims(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IModule> modules)
    {
        var dataSource = CreateDataSource(configuration);
        // A factory, not an instance: the container disposes what a factory returned, closing the pool's idle
        // connections with the host (ADR 0046). Wolverine resolves it from the container too, and does not dispose it.
        services.AddSingleton(_ => dataSource);
        var receiverSource = CreateDataSource(configuration, receivers: true);
        services.AddKeyedSingleton(ReceiverDataSourceKey, (_, _) => receiverSource);
        services.AddScoped<DbSession>();
        services.AddScoped<OperationContext>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SchemaMigrator>();
        services.AddBusinessCalendar(configuration);

        // The building blocks' own handlers and messages (e.g. sending mail) are found with the modules'.
        var assemblies = ModuleAssemblies(modules).Append(typeof(DbSession).Assembly).ToList();
        services.AddAimsMediation(assemblies);
        services.AddAimsMessaging(configuration, assemblies);

        services.AddProblemDetails();
        services.Configure<ContactOptions>(configuration.GetSection(ContactOptions.Section));
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.AddAimsRateLimiting();
        services.AddPortalLanguages();

        foreach (var module in modules)
        {
            module.Register(services, configuration);
        }

        return services;
    }

    /// <summary>Each module's assembly and the Contracts assemblies it references (where its messages are declared).</summary>
    public static IReadOnlyList<Assembly> ModuleAssemblies(IEnumerable<IModule> modules) =>
        modules.Select(m => m.GetType().Assembly)
            .SelectMany(assembly => assembly.GetReferencedAssemblies()
                .Where(name => name.Name!.EndsWith(".Contracts", StringComparison.Ordinal))
                .Select(Assembly.Load)
                .Prepend(assembly))
            .Distinct()
            .ToList();

    private static NpgsqlDataSource CreateDataSource(IConfiguration configuration, bool receivers = false)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupException(
                $"No database configured: set ConnectionStrings__{ConnectionStringName} (or run ./build.sh run, which provisions a local PostgreSQL).");
        }

        try
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            var settings = builder.ConnectionStringBuilder;
            settings.ApplicationName ??= "aims";
            // Prepared statements let Npgsql reset a pooled connection without DISCARD ALL, so the server keeps its cached plans
            // of Marten's append function (ADR 0042). A connection string's own Max Auto Prepare (0 turns it off) is obeyed.
            settings.MaxAutoPrepare = Sets(connectionString, nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)) ? settings.MaxAutoPrepare : 50;
            // A prepared statement run five times may switch to a generic plan, blind to its values: the staff search by
            // agency and dates went from 0.4 to 10 ms that way. Custom plans, as unprepared statements get (ADR 0042).
            settings.Options = settings.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) == true
                ? settings.Options : $"{settings.Options} -c plan_cache_mode={(receivers ? "auto" : "force_custom_plan")}".Trim();
            if (receivers)
            {
                // The receivers' pool (ADR 0055, amended): their statements are by key, so generic plans are safe, and
                // nothing they run leaves session state, so a connection goes back to the pool without Npgsql's reset.
                settings.ApplicationName += "-receivers";
                settings.NoResetOnClose = true;
            }

            return builder.Build();
        }
        catch (ArgumentException exception)
        {
            throw new StartupException(
                $"ConnectionStrings:{ConnectionStringName} is not a valid PostgreSQL connection string ({exception.Message}).", exception);
        }
    }

    /// <summary>Whether the connection string names <paramref name="property"/> ("Max Auto Prepare" or "MaxAutoPrepare").</summary>
    private static bool Sets(string connectionString, string property) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), property, StringComparison.OrdinalIgnoreCase));
}
