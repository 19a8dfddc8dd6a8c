using System.Reflection;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Persistence;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Postgresql;

namespace Aims.Host.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>Wolverine's durable local queue that carries the integration events between modules.</summary>
    public const string EventQueue = "aims-events";

    /// <summary>Wolverine's durable local queue for emails and texts (ADR 0047): a slow mail server delays only these.</summary>
    public const string SendingQueue = "aims-sending";

    /// <summary>Wolverine's tables (envelopes, nodes, dead letters) live in this schema.</summary>
    public const string WolverineSchema = "wolverine";

    public static IServiceCollection AddAimsMessaging(
        this IServiceCollection services, IConfiguration configuration, IEnumerable<Assembly> messageAssemblies)
    {
        services.AddSingleton(new ModuleSchema("messaging", SqlMigration.EmbeddedIn(typeof(WolverineCode).Assembly, "Messaging")));
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.Section));
        var registry = new MessageTypeRegistry(messageAssemblies);
        services.AddSingleton(registry);
        services.AddScoped<IOutbox, WolverineOutbox>();
        services.AddScoped<IMessageOperations, MessageOperations>();
        services.AddSingleton<ISchemaStep, StandInHandOver>();
        var settings = configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        services.AddWolverine(options => ConfigureWolverine(options, registry, settings));
        return services;
    }

    private static void ConfigureWolverine(WolverineOptions options, MessageTypeRegistry registry, MessagingOptions settings)
    {
        options.ServiceName = "aims";
        // MediatR stays the pipeline for requests: Wolverine discovers no handlers of its own, and its receivers are
        // pre-built (ReceiverDispatch). What Wolverine still generates (its handler registry) is committed in this
        // assembly and loaded statically, whichever process hosts Wolverine (ADR 0049).
        options.Discovery.DisableConventionalDiscovery();
        options.ApplicationAssembly = typeof(WolverineCode).Assembly;
        options.CodeGeneration.GeneratedNamespace = WolverineCode.Namespace;
        options.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
        UseAimsDurability(options, settings);
        foreach (var eventType in registry.ReceivedMessages)
        {
            options.PublishMessage(eventType).ToLocalQueue(typeof(IOutsideDelivery).IsAssignableFrom(eventType) ? SendingQueue : EventQueue);
        }

        foreach (var eventType in registry.ReceivedMessages)
        {
            options.AddMessageHandler(eventType, new ReceiverDispatch(eventType));
        }

        // A previous version's envelopes may name a message type as it was called then (ADR 0051).
        foreach (var (former, type) in registry.FormerTypeNames)
        {
            options.RegisterMessageType(type, former);
        }

        // A receiver that cannot succeed goes to the dead letters at once; anything else is retried with backoff first.
        options.OnException<PermanentFailureException>().MoveToErrorQueue();
        options.OnException<Exception>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
            .Then.ScheduleRetry(settings.RetryDelays())
            .Then.MoveToErrorQueue();
    }

    /// <summary>
    /// Wolverine's store, polling, nodes and the two durable local queues as AIMS runs them; the benchmark's floor
    /// (WolverineFloor) takes the same, so it measures this setup and no copy of it.
    /// </summary>
    public static void UseAimsDurability(WolverineOptions options, MessagingOptions settings)
    {
        // The container owns the data source (ADR 0046): Wolverine resolves it when its store is built and never
        // disposes it, so the pool closes with the container whatever order the host stops things in.
        options.PersistMessagesWithPostgresqlUsingDataSourceFromContainer(provider => provider.GetRequiredService<NpgsqlDataSource>(), WolverineSchema);
        // Scheduled messages are due within a second of their time (ADR 0041); each poll takes up to RecoveryBatchSize
        // of them (Wolverine's default, 100, would cap reminders at 100 a second).
        options.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
        options.Durability.RecoveryBatchSize = 1000;
        options.Durability.DurabilityAgentEnabled = settings.DeliverEvents;
        options.Durability.StaleNodeTimeout = settings.NodeStaleAfter;
        options.Durability.HealthCheckPollingTime = settings.NodeHealthCheck;
        options.Durability.CheckAssignmentPeriod = settings.AgentAssignmentCheck;
        options.Durability.FirstHealthCheckExecution = TimeSpan.FromMilliseconds(200);
        options.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.CreateOrUpdate;
        options.LocalQueue(EventQueue).UseDurableInbox().MaximumParallelMessages(settings.QueueParallelism);
        options.LocalQueue(SendingQueue).UseDurableInbox().MaximumParallelMessages(settings.QueueParallelism);
    }
}
