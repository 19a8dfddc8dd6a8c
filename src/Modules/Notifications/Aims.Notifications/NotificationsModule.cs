using Aims.BuildingBlocks.Modules;
using Aims.BuildingBlocks.Persistence;
using Aims.BuildingBlocks.Web;
using Aims.Notifications.Centre;
using Aims.Notifications.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.Notifications;

public sealed class NotificationsModule : IModule
{
    public string Name => "Notifications";

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalText<NotificationsText>();
        services.AddSingleton(new ModuleSchema("notifications", SqlMigration.EmbeddedIn(typeof(NotificationsModule).Assembly)));
        services.AddScoped<Notices>();
        services.AddScoped<Appeals.AppealAudiences>();
        services.AddSending(configuration);
    }

    /// <summary>Settings safe only on a developer's machine (the development outbox), as the lines Production refuses to start with.</summary>
    public static IEnumerable<string> UnsafeInProduction(IConfiguration configuration) => SendingRegistration.UnsafeInProduction(configuration);
}
