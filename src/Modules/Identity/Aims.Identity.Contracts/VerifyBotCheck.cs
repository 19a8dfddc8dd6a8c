using MediatR;

namespace Aims.Identity.Contracts;

/// <summary>
/// True once for a solved, unexpired bot-check challenge (the base64 payload a public form's widget posts); the
/// challenge comes from GET /bot-check/challenge.
/// </summary>
public sealed record VerifyBotCheck(string? Payload) : IRequest<bool>;
