namespace Aims.BuildingBlocks.Errors;

/// <summary>Someone else changed the record since the caller read it; answered with 409 and "reload".</summary>
public sealed class ConcurrencyException(string message) : Exception(message);
