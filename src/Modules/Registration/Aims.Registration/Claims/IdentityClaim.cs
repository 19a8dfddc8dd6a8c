using Aims.Registration.Model;

namespace Aims.Registration.Claims;

/// <summary>
/// Someone's statement that an identifier is theirs: a Medicaid ID on a client profile (the subject is the client's
/// account) or an NPI on a provider profile (the subject is the provider). It grants nothing until verified (ADR 0029).
/// </summary>
internal sealed class IdentityClaim
{
    public Guid Id { get; init; }

    public ClaimKind Kind { get; init; }

    public required string Identifier { get; init; }

    /// <summary>The client's user id for a Medicaid ID, the provider's id for an NPI.</summary>
    public Guid SubjectId { get; init; }

    /// <summary>The account that made the claim and is told of every step.</summary>
    public Guid ClaimantId { get; set; }

    public ClaimStatus Status { get; set; }

    /// <summary>What the claimant offered the reviewers to check (a notice number, a letter's date…).</summary>
    public string? Evidence { get; set; }

    public DateTimeOffset SubmittedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The reviewer, or null when a roster decided.</summary>
    public Guid? DecidedBy { get; set; }

    public ClaimMethod? Method { get; set; }

    /// <summary>Why it was denied or revoked; the claimant reads it.</summary>
    public string? Reason { get; set; }

    public byte[]? CodeHash { get; set; }

    public DateTimeOffset? CodeExpiresAt { get; set; }

    public int CodeAttempts { get; set; }

    public bool IsLive => Status is ClaimStatus.Pending or ClaimStatus.Verified;
}

internal enum ClaimStatus
{
    Pending,
    Verified,
    Denied,
    Revoked,

    /// <summary>The claimant changed the identifier: the new one is a new claim, and this one ended with the change.</summary>
    Replaced,
}

internal enum ClaimMethod
{
    /// <summary>Matched an imported roster (a member's ID, name and date of birth; a provider's NPI and the code sent to its enrolled email).</summary>
    Roster,

    /// <summary>Decided by the Appeals Division from the review queue.</summary>
    Review,
}

/// <summary>One member on the roster an administrator imported.</summary>
internal sealed class MemberRosterEntry
{
    public required string MedicaidId { get; init; }

    public required string FullName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Names compared as people type them: case, extra spaces and punctuation aside ("maria  lopez" is "María López" only if accents match).</summary>
    public bool Matches(string fullName, DateOnly dateOfBirth) => dateOfBirth == DateOfBirth && Rosters.SameName(fullName, FullName);
}

/// <summary>One enrolled provider on the roster an administrator imported, with the contact email enrolment gave.</summary>
internal sealed class ProviderRosterEntry
{
    public required string Npi { get; init; }

    public required string Name { get; set; }

    public required string ContactEmail { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
