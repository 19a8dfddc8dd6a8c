using Aims.BuildingBlocks.Mediation;

namespace Aims.Identity.Contracts;

/// <summary>
/// Remembers the language ("en" or "es") a person reads the portal in, so that emails composed without a request (an
/// appeal's notices) reach them in it (ADR 0025). Staff accounts keep English: the division's work is in English.
/// </summary>
public sealed record RememberLanguage(Guid UserId, string Language) : ICommand<bool>;
