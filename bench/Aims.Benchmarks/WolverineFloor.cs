using Aims.Host.Messaging;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Postgresql;
using Wolverine.RDBMS;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace Aims.Benchmarks;

/// <summary>
/// The reminders' floor, in the same run: bare Wolverine nodes set up as AIMS's carry no-op scheduled messages, each
/// run only marking its envelope handled in its own transaction, alone or as a reminder's four hops (event, two sends).
/// </summary>
internal sealed class WolverineFloor(string database)
{
    /// <summary>Small runs of both shapes first, so the measured runs do not pay for compiling this path's code (JIT).</summary>
    public async Task WarmUpAsync()
    {
        await RunAsync(200, 1, chain: false);
        await RunAsync(100, 1, chain: true);
    }

    /// <summary>Runs per scheduled message: one alone; in a chain, the scheduled message, its event and two sends.</summary>
    public static int Runs(bool chain) => chain ? 4 : 1;

    /// <summary>
    /// <paramref name="messages"/> scheduled a day ahead by a node that then stops (as the filing host schedules the
    /// reminders), made due three seconds from now in one statement, carried by <paramref name="nodes"/> fresh nodes.
    /// </summary>
    public async Task<FloorRun> RunAsync(int messages, int nodes, bool chain)
    {
        var progress = new Progress(messages, chain);
        await using (var filer = await StartAsync(progress, deliver: false))
        {
            await ScheduleAsync(filer, messages, chain);
        }

        var started = new List<Node>();
        try
        {
            for (var n = 0; n < nodes; n++)
            {
                started.Add(await StartAsync(progress, deliver: true));
            }

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            // As ReminderDispatch does: the disposed nodes' leftovers are finalized before CPU is counted.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var start = DateTimeOffset.UtcNow.AddSeconds(3);
            await using (var move = new NpgsqlCommand(
                $"UPDATE {MessagingServiceCollectionExtensions.WolverineSchema}.wolverine_incoming_envelopes SET execution_time = @at WHERE status = 'Scheduled'", connection))
            {
                move.Parameters.AddWithValue("at", start.UtcDateTime);
                var moved = await move.ExecuteNonQueryAsync();
                if (moved != messages)
                {
                    throw new InvalidOperationException($"{moved} of {messages} floor messages were scheduled.");
                }
            }

            Console.WriteLine($"  floor: {messages} no-op {(chain ? "chains" : "scheduled messages")} due from {start:HH:mm:ss} UTC, {nodes} node(s)");
            var statementsBefore = await ReminderDispatch.StatementsAsync(connection, reset: true);
            var cpuBefore = await CpuUse.NowAsync(connection);
            await progress.Finished.Task.WaitAsync(TimeSpan.FromMinutes(10));
            var cpu = await CpuUse.NowAsync(connection) - cpuBefore;
            var statements = await ReminderDispatch.StatementsAsync(connection, reset: false) is { } ran && statementsBefore is not null
                ? (double?)ran / messages
                : null;
            return new FloorRun(messages / (progress.LastCounted - start).TotalSeconds, new CpuUse(cpu.Process / messages, cpu.Database / messages), statements);
        }
        finally
        {
            foreach (var node in started)
            {
                await node.DisposeAsync();
            }
        }
    }

    // One transaction, as the outbox stores a reminder's envelope in the filing's transaction.
    private static async Task ScheduleAsync(Node filer, int messages, bool chain)
    {
        var runtime = filer.Host.Services.GetRequiredService<IWolverineRuntime>();
        var context = new MessageContext(runtime);
        if (!context.TryFindMessageDatabase(out var store))
        {
            throw new InvalidOperationException("Wolverine has no PostgreSQL message store.");
        }

        await using var connection = await filer.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await context.EnlistInOutboxAsync(new DatabaseEnvelopeTransaction(store!, transaction));
        for (var n = 0; n < messages; n++)
        {
            await context.PublishAsync(new FloorReminder(n, chain), new DeliveryOptions { ScheduledTime = DateTimeOffset.UtcNow.AddDays(1) });
        }

        await transaction.CommitAsync();
        await context.FlushOutgoingMessagesAsync();
    }

    private async Task<Node> StartAsync(Progress progress, bool deliver)
    {
        // The host's data source settings (AimsServiceCollectionExtensions): prepared statements, custom plans (ADR 0042).
        var source = new NpgsqlDataSourceBuilder(database);
        source.ConnectionStringBuilder.ApplicationName = "aims-floor";
        source.ConnectionStringBuilder.MaxAutoPrepare = 50;
        source.ConnectionStringBuilder.Options = "-c plan_cache_mode=force_custom_plan";
        var dataSource = source.Build();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // The no-op handlers are added by hand: Wolverine warning that it discovered none (and has no registry) is noise.
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Wolverine.Configuration.HandlerDiscovery", LogLevel.Error);
        builder.Services.AddSingleton(dataSource);
        builder.UseWolverine(options => Configure(options, dataSource, progress, deliver));
        var host = builder.Build();
        if (!deliver)
        {
            // Wolverine's tables before any node starts, as AIMS's migrate builds them (WolverineStorageSchema).
            await host.Services.GetRequiredService<IMessageStore>().Admin.MigrateAsync(JasperFx.AutoCreate.CreateOrUpdate);
        }

        await host.StartAsync();
        return new Node(host, dataSource);
    }

    // AIMS's setup (MessagingServiceCollectionExtensions), the receivers replaced by no-op runs and nothing else added.
    private static void Configure(WolverineOptions options, NpgsqlDataSource dataSource, Progress progress, bool deliver)
    {
        options.ServiceName = "aims-floor";
        options.Discovery.DisableConventionalDiscovery();
        options.ApplicationAssembly = typeof(WolverineFloor).Assembly;
        options.CodeGeneration.GeneratedNamespace = "Aims.Benchmarks.Generated";
        options.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
        MessagingServiceCollectionExtensions.UseAimsDurability(options, new MessagingOptions { DeliverEvents = deliver });
        options.PublishMessage<FloorReminder>().ToLocalQueue(MessagingServiceCollectionExtensions.EventQueue);
        options.PublishMessage<FloorEvent>().ToLocalQueue(MessagingServiceCollectionExtensions.EventQueue);
        options.PublishMessage<FloorSend>().ToLocalQueue(MessagingServiceCollectionExtensions.SendingQueue);
        foreach (var type in new[] { typeof(FloorReminder), typeof(FloorEvent), typeof(FloorSend) })
        {
            options.AddMessageHandler(type, new NoOpRun(type, dataSource, progress));
        }
    }

    private sealed record Node(IHost Host, NpgsqlDataSource DataSource) : IAsyncDisposable
    {
        // The data source outlives the node: Wolverine still writes while it stops.
        public async ValueTask DisposeAsync()
        {
            await Host.StopAsync();
            Host.Dispose();
            await DataSource.DisposeAsync();
        }
    }

    /// <summary>
    /// A receiver run with no receiver: its own transaction that stores the next hop's envelopes through Wolverine's outbox
    /// and marks its envelope handled, as <c>ReceiverDispatch</c> does, and nothing else.
    /// </summary>
    private sealed class NoOpRun(Type messageType, NpgsqlDataSource dataSource, Progress progress) : MessageHandler
    {
        public override Type MessageType => messageType;

        public override async Task HandleAsync(MessageContext context, CancellationToken cancellation)
        {
            var envelope = context.Envelope!;
            if (!context.TryFindMessageDatabase(out var store))
            {
                throw new InvalidOperationException("Wolverine has no PostgreSQL message store.");
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellation);
            await using var transaction = await connection.BeginTransactionAsync(cancellation);
            object[] next = envelope.Message switch
            {
                FloorReminder { Chain: true } reminder => [new FloorEvent(reminder.Number)],
                FloorEvent floorEvent => [new FloorSend(floorEvent.Number, 1), new FloorSend(floorEvent.Number, 2)],
                _ => [],
            };
            var outbox = next.Length == 0 ? null : new MessageContext(context.Runtime);
            if (outbox is not null)
            {
                await outbox.EnlistInOutboxAsync(new DatabaseEnvelopeTransaction(store!, transaction));
                foreach (var message in next)
                {
                    await outbox.PublishAsync(message);
                }
            }

            await store!.MarkIncomingEnvelopeAsHandledInTransactionAsync(
                connection, transaction, envelope, DateTimeOffset.UtcNow + context.Runtime.Options.Durability.KeepAfterMessageHandling, cancellation);
            await transaction.CommitAsync(cancellation);
            envelope.Status = EnvelopeStatus.Handled;
            if (outbox is not null)
            {
                await outbox.FlushOutgoingMessagesAsync();
            }

            progress.Ran(envelope.Message!);
        }
    }

    /// <summary>Counts runs; the rate counts to the second hop, as the reminders' rate counts to the notice.</summary>
    private sealed class Progress(int messages, bool chain)
    {
        private int runs;
        private int counted;

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset LastCounted { get; private set; }

        public void Ran(object message)
        {
            if ((chain ? message is FloorEvent : message is FloorReminder) && Interlocked.Increment(ref counted) == messages)
            {
                LastCounted = DateTimeOffset.UtcNow;
            }

            if (Interlocked.Increment(ref runs) == messages * Runs(chain))
            {
                Finished.TrySetResult();
            }
        }
    }
}

/// <summary>Messages per second (counted to the second hop in a chain), and CPU and SQL statements per scheduled message.</summary>
internal sealed record FloorRun(double PerSecond, CpuUse Cpu, double? Statements);

internal sealed record FloorReminder(int Number, bool Chain);

internal sealed record FloorEvent(int Number);

internal sealed record FloorSend(int Number, int Copy);
