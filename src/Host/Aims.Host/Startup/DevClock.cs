namespace Aims.Host.Startup;

/// <summary>
/// The AIMS clock moved ahead by <c>Aims:DevClock:Offset</c> in Development only, so reminders can be tried by hand within
/// minutes (docs/scale-out.md). Every host of one database takes the same offset; other environments ignore it.
/// </summary>
internal sealed class DevClock(TimeSpan offset) : TimeProvider
{
    public const string Setting = "Aims:DevClock:Offset";

    public TimeSpan Offset => offset;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;

    /// <summary>Registered before the system clock's fallback, so it is the clock every module and Wolverine's scheduling use.</summary>
    public static void AddIfSet(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() && configuration.GetValue<TimeSpan?>(Setting) is { } moved && moved != TimeSpan.Zero)
        {
            services.AddSingleton<TimeProvider>(new DevClock(moved));
        }
    }
}
