using System.Diagnostics;

namespace Aims.Host.Startup;

/// <summary>
/// Where a start's time goes (issue 20): the time since the process started at each phase, logged at Debug under the
/// category "Startup" once the server listens (<c>Logging__LogLevel__Startup=Debug</c> shows them).
/// </summary>
internal static class StartupTimeline
{
    private static readonly DateTime ProcessStart = StartedAt();
    private static readonly List<(string Phase, double Milliseconds)> Phases = [];

    public static void Mark(string phase)
    {
        lock (Phases)
        {
            Phases.Add((phase, (DateTime.UtcNow - ProcessStart).TotalMilliseconds));
        }
    }

    private static DateTime StartedAt()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }

    /// <summary>Logs the phases when the server has started listening.</summary>
    public static void LogWhenListening(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Mark("listening");
            lock (Phases)
            {
                foreach (var (phase, milliseconds) in Phases)
                {
                    logger.LogDebug("Start-up: {Phase} at {Milliseconds:0} ms", phase, milliseconds);
                }
            }
        });
    }
}
