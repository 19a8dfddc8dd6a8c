using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.EventSourcing;

namespace Aims.Appeals.Model;

internal enum AppealStatus
{
    Filed,
    RecommendedDecision,
    Decided,
    Withdrawn,
}

/// <summary>The next date that matters on an appeal, and whose it is.</summary>
internal sealed record NextDeadline(DateOnly Date, string What);

/// <summary>
/// An appeal as its events make it: the one place that decides its status, its next deadline and what may happen
/// next. The list projection and every page read their answers from here.
/// </summary>
internal sealed class Appeal : Aggregate
{
    private readonly List<DecisionIssued> decisions = [];

    public string CaseNumber { get; private set; } = "";

    public AppealKind Kind { get; private set; }

    public AppealStatus Status { get; private set; }

    public IEvent Filing { get; private set; } = null!;

    public Person FiledBy { get; private set; } = null!;

    public string AppellantName { get; private set; } = "";

    public string ActionType { get; private set; } = "";

    public ProviderRef? Provider { get; private set; }

    public AgencyRef? Agency { get; private set; }

    public DateOnly FiledOn { get; private set; }

    public DateOnly LastDayToFile { get; private set; }

    public bool Timely { get; private set; }

    public bool Expedited { get; private set; }

    public IReadOnlyList<DecisionIssued> Decisions => decisions;

    public WithdrawnByAppellant? Withdrawal { get; private set; }

    public FormalAppealStarted? FormalAppeal { get; private set; }

    public bool AuthorityUnproven { get; private set; }

    public AuthorityProofReceived? AuthorityProof { get; private set; }

    /// <summary>A client appeal by a representative still waiting for their proof of authority.</summary>
    public bool AwaitsAuthorityProof => Filing is ClientAppealFiled { AuthorityProofDue: not null } && AuthorityProof is null;

    public bool IsClosed => Status is AppealStatus.Decided or AppealStatus.Withdrawn;

    public NextDeadline? NextDeadline => Status switch
    {
        AppealStatus.Withdrawn => null,
        AppealStatus.Decided or AppealStatus.RecommendedDecision => decisions[^1].FurtherAppealBy is { } by && FormalAppeal is null
            ? new NextDeadline(by, Kind == AppealKind.ProviderInformal ? "Last day to file a formal appeal" : "Last day to take the decision further")
            : null,
        _ => Filing switch
        {
            InformalAppealFiled informal => new NextDeadline(informal.DecisionDue, "Informal decision due"),
            FormalAppealFiled formal => new NextDeadline(formal.RecommendationDue, "Recommended decision due"),
            ClientAppealFiled { AuthorityProofDue: { } proofDue } when !AuthorityUnproven && AuthorityProof is null => new NextDeadline(proofDue, "Proof of the representative's authority due"),
            ClientAppealFiled client => new NextDeadline(client.DecisionDue, client.Expedited is null ? "Decision due" : "Expedited decision due"),
            _ => null,
        },
    };

    public string? NextStep => Status switch
    {
        AppealStatus.Filed when AuthorityUnproven => "Proof of authority is overdue: the Appeals Division may find the appeal invalid",
        AppealStatus.Filed => Kind == AppealKind.ProviderInformal
            ? "The Appeals Division dockets the appeal; the agency files its case summary and an informal fact-finding conference is scheduled"
            : "The Appeals Division dockets the appeal and schedules a hearing",
        AppealStatus.RecommendedDecision => "The agency director issues the final decision",
        AppealStatus.Decided when Kind == AppealKind.ProviderInformal && FormalAppeal is null => "You may file a formal appeal of the informal decision",
        _ => null,
    };

    public DecisionIssued? InformalDecision => decisions.LastOrDefault(d => d.Level == DecisionLevel.Informal);

    public override void Apply(IEvent @event)
    {
        switch (@event)
        {
            case InformalAppealFiled informal:
                Filed(informal, AppealKind.ProviderInformal, informal.CaseNumber, informal.FiledBy, informal.Provider.Name, informal.ActionType, informal.FiledOn, informal.LastDayToFile, informal.Timely);
                Provider = informal.Provider;
                Agency = informal.Agency;
                break;
            case FormalAppealFiled formal:
                Filed(formal, AppealKind.ProviderFormal, formal.CaseNumber, formal.FiledBy, formal.Provider.Name, $"Formal appeal of {formal.InformalCaseNumber}", formal.FiledOn, formal.LastDayToFile, formal.Timely);
                Provider = formal.Provider;
                Agency = formal.Agency;
                break;
            case ClientAppealFiled client:
                Filed(client, AppealKind.Client, client.CaseNumber, client.FiledBy, client.AppellantName, client.ActionType, client.FiledOn, client.LastDayToFile, client.Timely);
                Agency = client.Agency;
                Expedited = client.Expedited is not null;
                break;
            case FormalAppealStarted started:
                FormalAppeal = started;
                break;
            case WithdrawnByAppellant withdrawn:
                Withdrawal = withdrawn;
                Status = AppealStatus.Withdrawn;
                break;
            case DecisionIssued decision:
                decisions.Add(decision);
                Status = decision.Level == DecisionLevel.Recommended ? AppealStatus.RecommendedDecision : AppealStatus.Decided;
                break;
            case AuthorityProofOverdue:
                AuthorityUnproven = true;
                break;
            case AuthorityProofReceived received:
                AuthorityProof = received;
                break;
        }
    }

    /// <summary>Any open appeal may be withdrawn before its final decision (12VAC30-110; § 32.1-325.1).</summary>
    public WithdrawnByAppellant Withdraw(Person by, DateOnly today, string? reason) => Status switch
    {
        AppealStatus.Withdrawn => throw new RuleViolationException($"{CaseNumber} was already withdrawn on {Withdrawal!.WithdrawnOn:MM/dd/yyyy}."),
        AppealStatus.Decided => throw new RuleViolationException($"{CaseNumber} has its decision (issued {decisions[^1].DecidedOn:MM/dd/yyyy}); a decided appeal cannot be withdrawn."),
        _ => new WithdrawnByAppellant(by, today, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()),
    };

    private void Filed(IEvent filing, AppealKind kind, string caseNumber, Person by, string appellant, string actionType, DateOnly filedOn, DateOnly lastDay, bool timely)
    {
        Filing = filing;
        Kind = kind;
        CaseNumber = caseNumber;
        FiledBy = by;
        AppellantName = appellant;
        ActionType = actionType;
        FiledOn = filedOn;
        LastDayToFile = lastDay;
        Timely = timely;
        Status = AppealStatus.Filed;
    }
}
