namespace Aims.Identity.Codes;

/// <summary>A one-time code as stored: only its salted hash, never the digits.</summary>
internal sealed class OneTimeCode
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary>The sign-in attempt (or other flow) the code belongs to; it is useless outside it.</summary>
    public Guid AttemptId { get; init; }

    public CodePurpose Purpose { get; init; }

    public CodeChannel Channel { get; init; }

    public required byte[] Salt { get; init; }

    public required byte[] Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public CodeState State { get; set; }
}
