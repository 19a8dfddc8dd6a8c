namespace Aims.BuildingBlocks.Messaging;

/// <summary>Thrown by a handler when retrying cannot help (e.g. a mailbox that does not exist): dead-lettered at once.</summary>
public sealed class PermanentFailureException(string message, Exception? inner = null) : Exception(message, inner);
