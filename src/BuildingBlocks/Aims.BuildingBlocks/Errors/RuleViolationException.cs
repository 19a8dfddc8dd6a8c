namespace Aims.BuildingBlocks.Errors;

/// <summary>An action the current state does not allow; the message says why (answered with 409).</summary>
public sealed class RuleViolationException(string message) : Exception(message);
