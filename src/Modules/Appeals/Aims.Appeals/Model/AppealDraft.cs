using Aims.Appeals.Contracts;

namespace Aims.Appeals.Model;

/// <summary>
/// A saved, unfiled appeal form: a Marten document in the appeals schema (ADR 0036), its owner duplicated into an
/// indexed column for "My appeals". The form is kept as the JSON the page's form serialized to, as it stands.
/// </summary>
internal sealed class AppealDraft
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public AppealKind Kind { get; init; }

    public required string Form { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
