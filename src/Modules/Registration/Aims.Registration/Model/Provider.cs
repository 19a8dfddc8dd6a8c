namespace Aims.Registration.Model;

/// <summary>A provider organization's profile. Appeals filed for it belong to it, whichever of its users files them.</summary>
internal sealed class Provider
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>10 digits with a valid NPI check digit; one profile per NPI.</summary>
    public required string Npi { get; init; }

    public required string MedicaidProviderId { get; set; }

    public required string Street { get; set; }

    public required string City { get; set; }

    public required string State { get; set; }

    public required string Zip { get; set; }

    public required string ContactName { get; set; }

    public required string ContactPhone { get; set; }

    public required string ContactEmail { get; set; }

    /// <summary>In a managed care organization's network: filing then asks whether the MCO's own appeal was exhausted.</summary>
    public bool InMcoNetwork { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A user acting for a provider; administrators invite colleagues and representatives.</summary>
internal sealed class ProviderMember
{
    public Guid ProviderId { get; init; }

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public bool IsAdministrator { get; init; }

    public DateTimeOffset JoinedAt { get; init; }
}
