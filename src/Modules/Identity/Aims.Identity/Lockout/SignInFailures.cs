namespace Aims.Identity.Lockout;

/// <summary>The failure count for one normalized email, whether or not an account has it.</summary>
internal sealed class SignInFailures
{
    public required string NormalizedEmail { get; init; }

    public int Count { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The end of the lock its owner was emailed about: one email per lock.</summary>
    public DateTimeOffset? LockEmailedFor { get; set; }
}
