namespace Aims.BuildingBlocks.Web;

/// <summary>Bad configuration or environment found at start-up; its message is the one line that says what to fix.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
