using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.BuildingBlocks.Mail;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddOutgoingMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddScoped<IOutgoingMail, OutgoingMail>();
        return services;
    }
}
