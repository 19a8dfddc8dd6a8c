namespace Aims.Identity.Audit;

/// <summary>One recorded account event. An event for an email with no account has no user id.</summary>
internal sealed class SecurityEvent
{
    public Guid Id { get; init; }

    public Guid? UserId { get; init; }

    public string? NormalizedEmail { get; init; }

    public SecurityEventKind Kind { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    public string? Detail { get; init; }
}
