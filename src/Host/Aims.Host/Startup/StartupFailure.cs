using System.Net.Sockets;
using Aims.BuildingBlocks.Web;

namespace Aims.Host.Startup;

/// <summary>The one line printed when the host cannot start, instead of a stack trace.</summary>
internal static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        StartupException startup => startup.Message,
        IOException io when io.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
            || io.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) =>
            $"The portal's address is already in use ({exception.Message}): stop the other program or choose another with ASPNETCORE_URLS.",
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        // Wolverine checks its tables at start and no longer builds them (migrate does); its own advice ("resources
        // setup") names a command AIMS does not have.
        InvalidOperationException wolverine when wolverine.Message.StartsWith("The Wolverine message storage", StringComparison.Ordinal) =>
            DatabaseStartup.NotMigrated("Wolverine's message tables are missing or out of date"),
        _ => null,
    };
}
