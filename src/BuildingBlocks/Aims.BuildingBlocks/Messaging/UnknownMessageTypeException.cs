namespace Aims.BuildingBlocks.Messaging;

/// <summary>A stored message no loaded module declares; retrying cannot help, so it is dead-lettered at once.</summary>
public sealed class UnknownMessageTypeException(string typeName)
    : Exception($"No loaded module declares the message type {typeName}.");
