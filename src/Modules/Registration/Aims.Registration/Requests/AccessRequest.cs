using Aims.Registration.Contracts;

namespace Aims.Registration.Requests;

/// <summary>
/// An agency's or contractor's request for portal access, as submitted; decided once (approved into an agency, or
/// denied with a reason). The requester follows it through a status link whose secret is stored only as a hash.
/// </summary>
internal sealed class AccessRequest
{
    public Guid Id { get; init; }

    public AgencyType AgencyType { get; init; }

    public required string AgencyName { get; init; }

    public required string Street { get; init; }

    public required string City { get; init; }

    public required string State { get; init; }

    public required string Zip { get; init; }

    public required string RequesterName { get; init; }

    public required string Email { get; init; }

    public required string NormalizedEmail { get; init; }

    public required string Phone { get; init; }

    public required string SupervisorName { get; init; }

    public required string SupervisorPhone { get; init; }

    /// <summary>For two-factor codes only; never shown on staff screens.</summary>
    public string? Mobile { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The language the request was made in ("es"; null for English), which the approved account then keeps (ADR 0027).</summary>
    public string? Language { get; init; }

    public required byte[] StatusTokenHash { get; init; }

    public AccessRequestStatus Status { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedBy { get; set; }

    public string? DenialReason { get; set; }

    public Guid? AgencyId { get; set; }
}

internal enum AccessRequestStatus
{
    Pending,
    Approved,
    Denied,
}
