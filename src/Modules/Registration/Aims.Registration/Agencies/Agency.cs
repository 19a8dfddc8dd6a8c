using Aims.Registration.Contracts;

namespace Aims.Registration.Agencies;

/// <summary>An agency or DMAS contractor; approved coordinators belong to it, several per agency.</summary>
internal sealed class Agency
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public AgencyType Type { get; init; }

    public required string Street { get; init; }

    public required string City { get; init; }

    public required string State { get; init; }

    public required string Zip { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A coordinator of an agency, known once they activate their account; deactivated by an administrator.</summary>
internal sealed class AgencyCoordinator
{
    public Guid UserId { get; init; }

    public Guid AgencyId { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public DateTimeOffset ActivatedAt { get; init; }

    public DateTimeOffset? DeactivatedAt { get; set; }
}
