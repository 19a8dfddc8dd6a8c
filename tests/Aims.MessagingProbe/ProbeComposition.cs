using Aims.BuildingBlocks.Modules;
using Aims.Host.Composition;
using Aims.Notifications;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine.Runtime;

namespace Aims.MessagingProbe;

/// <summary>
/// The building blocks composed exactly as the host composes them, around the probe module and the Notifications module,
/// which sends emails and texts (ADR 0051).
/// </summary>
public static class ProbeComposition
{
    public static ServiceProvider Build(string connectionString, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Aims"] = connectionString })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddAims(configuration, [new ProbeModule(), new NotificationsModule()]);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
        // The container disposes in reverse order of first use: the data source, taken first, outlives Wolverine's
        // shutdown, which still writes to the database (no host runs here, so disposing the provider stops Wolverine).
        _ = provider.GetRequiredService<NpgsqlDataSource>();
        // Wolverine (which publishing needs) is started by hand.
        ((IHostedService)provider.GetRequiredService<IWolverineRuntime>()).StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return provider;
    }

    /// <summary>Sends a request in a scope of its own, as one HTTP request would, with the given correlation id.</summary>
    public static async Task<T> SendAsync<T>(this IServiceProvider services, IRequest<T> request, string? correlationId = null, string actor = "tester")
    {
        await using var scope = services.CreateAsyncScope();
        var operation = scope.ServiceProvider.GetRequiredService<OperationContext>();
        operation.ActorId = actor;
        operation.CorrelationId = correlationId ?? operation.CorrelationId;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}
