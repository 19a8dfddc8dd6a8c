using Aims.Documents.Contracts;

namespace Aims.Appeals.Practice;

/// <summary>A practice appeal: its filing and withdrawal stored as the appeal events (JSON) they would be on a real stream.</summary>
internal sealed class PracticeAppeal
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string FilingKey { get; init; }

    public required string CaseNumber { get; init; }

    public required string Filed { get; init; }

    public string? Withdrawn { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What was uploaded to a practice appeal; the content itself is never kept.</summary>
internal sealed class PracticeDocument
{
    public Guid Id { get; init; }

    public Guid AppealId { get; init; }

    public required string FileName { get; init; }

    public DocumentCategory Category { get; init; }

    public long SizeBytes { get; init; }

    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>A scenario someone completed and the feedback they were given.</summary>
internal sealed class PracticeCompletion
{
    public Guid UserId { get; init; }

    public PracticeScenario Scenario { get; init; }

    public required string Feedback { get; init; }

    public DateTimeOffset CompletedAt { get; init; }
}
