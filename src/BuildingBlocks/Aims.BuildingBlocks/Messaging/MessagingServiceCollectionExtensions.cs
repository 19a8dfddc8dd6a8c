using System.Reflection;
using Aims.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aims.BuildingBlocks.Messaging;

public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddAimsMessaging(
        this IServiceCollection services, IConfiguration configuration, IEnumerable<Assembly> messageAssemblies)
    {
        services.AddSingleton(new ModuleSchema("messaging", SqlMigration.EmbeddedIn(typeof(IMessage).Assembly, "Messaging")));
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.Section));
        services.AddSingleton(new MessageTypeRegistry(messageAssemblies));
        services.AddScoped<IMessageBus, OutboxMessageBus>();
        services.AddScoped<MessageOperations>();
        services.AddSingleton<MessagePump>();
        services.AddSingleton<IHostedService>(provider =>
            provider.GetRequiredService<IOptions<MessagingOptions>>().Value.RelayEnabled
                ? ActivatorUtilities.CreateInstance<MessageRelayService>(provider)
                : new NoRelay());
        return services;
    }

    /// <summary>Stands in for the relay where configuration turns it off, so registration stays unconditional.</summary>
    private sealed class NoRelay : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
