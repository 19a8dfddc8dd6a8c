using Aims.Appeals.Contracts;
using Aims.Appeals.Model;

namespace Aims.Appeals.Persistence;

/// <summary>One row of the appeal list, copied from the <see cref="Appeal"/> its events make.</summary>
internal sealed class AppealSummary
{
    public Guid Id { get; init; }

    public string CaseNumber { get; set; } = "";

    public AppealKind Kind { get; set; }

    public AppealStatus Status { get; set; }

    public string AppellantName { get; set; } = "";

    public string ActionType { get; set; } = "";

    public Guid? ProviderId { get; set; }

    public Guid? AgencyId { get; set; }

    /// <summary>The appellant's Medicaid ID, on client appeals.</summary>
    public string? MedicaidId { get; set; }

    /// <summary>The claim and adjustment references an informal appeal disputes, upper-cased, so a list search finds them.</summary>
    public string[] ClaimReferences { get; set; } = [];

    public Guid FiledBy { get; set; }

    public DateOnly FiledOn { get; set; }

    public bool Timely { get; set; }

    public bool Expedited { get; set; }

    public bool Closed { get; set; }

    public DateOnly? NextDeadline { get; set; }

    /// <summary>What the next deadline is for, as its code (ADR 0043): the words are the reader's, looked up when shown.</summary>
    public DeadlineKind? NextDeadlineKind { get; set; }

    public AppealStep? NextStep { get; set; }

    public string? Npi { get; set; }

    public string? AgencyName { get; set; }

    /// <summary>What intake should check, as <see cref="AppealFlag"/> names.</summary>
    public string[] Flags { get; set; } = [];

    public Guid? CaseWorkerId { get; set; }

    public string? CaseWorkerName { get; set; }

    /// <summary>The hearing officer, or on an informal appeal the informal appeals agent.</summary>
    public Guid? DeciderId { get; set; }

    public string? DeciderName { get; set; }

    public DateTimeOffset? HearingAt { get; set; }

    public DateOnly? SummaryDue { get; set; }

    public DateOnly? SummaryFiledOn { get; set; }

    /// <summary>The decision clock now running, for the deadline dashboard.</summary>
    public DateOnly? ClockDue { get; set; }

    public DecisionClockKind? ClockKind { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void CopyFrom(Appeal appeal, DateTimeOffset now)
    {
        CaseNumber = appeal.CaseNumber;
        Kind = appeal.Kind;
        Status = appeal.Status;
        AppellantName = appeal.AppellantName;
        ActionType = appeal.ActionType;
        ProviderId = appeal.Provider?.Id;
        AgencyId = appeal.Agency?.Id;
        MedicaidId = (appeal.Filing as ClientAppealFiled)?.MedicaidId;
        ClaimReferences = appeal.Filing is InformalAppealFiled informal
            ? [.. informal.Items.Select(item => item.Reference.Trim().ToUpperInvariant()).Distinct()]
            : [];
        FiledBy = appeal.FiledBy.UserId;
        FiledOn = appeal.FiledOn;
        Timely = appeal.Timely;
        Expedited = appeal.Expedited;
        Closed = appeal.IsClosed;
        NextDeadline = appeal.NextDeadline?.Date;
        NextDeadlineKind = appeal.NextDeadline?.Kind;
        NextStep = appeal.NextStep;
        Npi = appeal.Provider?.Npi;
        AgencyName = appeal.Agency?.Name;
        Flags = [.. appeal.Flags.Select(flag => flag.ToString())];
        CaseWorkerId = appeal.CaseWorker?.UserId;
        CaseWorkerName = appeal.CaseWorker?.Name;
        DeciderId = appeal.Decider?.UserId;
        DeciderName = appeal.Decider?.Name;
        HearingAt = appeal.Hearing?.StartsAt.ToUniversalTime();
        SummaryDue = appeal.Hearing?.SummaryDue;
        SummaryFiledOn = appeal.CaseSummary?.FiledOn;
        ClockDue = appeal.RunningClock?.Due;
        ClockKind = appeal.RunningClock?.Kind;
        Version = appeal.Version;
        UpdatedAt = now;
    }
}

internal sealed class FilingKey
{
    public Guid UserId { get; init; }

    public required string Key { get; init; }

    public Guid AppealId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// Open appeals per person (as case worker or decider, under the name their list rows carry) per day their decision
/// clock runs out; kept by appeal_summaries' triggers (migration 0015) for the deadline dashboard's counts.
/// </summary>
internal sealed class StaffLoad
{
    public Guid UserId { get; init; }

    public string Name { get; init; } = "";

    /// <summary>The day the clock runs out; <see cref="DateOnly.MaxValue"/> ('infinity') when none runs.</summary>
    public DateOnly ClockDue { get; init; }

    public int Cases { get; init; }
}
