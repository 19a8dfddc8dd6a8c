namespace Aims.Appeals.Filing;

/// <summary>
/// The answer to a filing: where the appeal is and the number people quote; <paramref name="Replayed"/> when the filing
/// key had already filed it.
/// </summary>
internal sealed record FiledAppeal(Guid AppealId, string CaseNumber, bool Replayed = false);
