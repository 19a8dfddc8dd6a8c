using Aims.Appeals.Contracts;

namespace Aims.Appeals.Access;

internal sealed class AppealAccessEntry
{
    public Guid AppealId { get; init; }

    public Guid UserId { get; init; }

    public AppealParty Party { get; init; }

    public bool CanAddDocuments { get; init; }

    public bool CanAct { get; init; }
}
