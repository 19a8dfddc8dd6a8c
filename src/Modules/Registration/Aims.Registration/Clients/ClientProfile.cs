namespace Aims.Registration.Clients;

/// <summary>A client appellant's own details, one per account; the Medicaid ID is the member's, so one profile per ID.</summary>
internal sealed class ClientProfile
{
    public Guid UserId { get; init; }

    public required string FullName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public required string MedicaidId { get; set; }

    public required string Street { get; set; }

    public required string City { get; set; }

    public required string State { get; set; }

    public required string Zip { get; set; }

    public required string Phone { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
