namespace Aims.Identity.Lockout;

/// <summary>Where a sign-in stands after a check or a failure; <see cref="LockedUntil"/> is set when locked.</summary>
internal sealed record LockoutState(bool IsLocked, int FailuresLeft, DateTimeOffset? LockedUntil);
