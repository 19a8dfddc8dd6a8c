namespace Aims.BuildingBlocks.Errors;

/// <summary>Something does not exist, or the caller may not know that it exists (both answer 404).</summary>
public sealed class NotFoundException(string message) : Exception(message);
