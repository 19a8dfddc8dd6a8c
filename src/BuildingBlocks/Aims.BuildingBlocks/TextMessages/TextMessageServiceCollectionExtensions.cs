using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.TextMessages;

public static class TextMessageServiceCollectionExtensions
{
    public static IServiceCollection AddOutgoingTextMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TextMessageOptions>(configuration.GetSection(TextMessageOptions.Section));
        services.AddHttpClient(SendTextMessageHandler.ClientName);
        services.AddScoped<IOutgoingTextMessages, OutgoingTextMessages>();
        return services;
    }
}
