using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aims.BuildingBlocks.Time;

public static class BusinessCalendarServiceCollectionExtensions
{
    public static IServiceCollection AddBusinessCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        // Try: a clock registered earlier (a test's movable one) must win, and modules may call this more than once.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BusinessCalendar>();
        return services;
    }
}
