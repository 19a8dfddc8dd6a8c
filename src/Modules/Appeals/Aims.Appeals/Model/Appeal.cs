using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;

namespace Aims.Appeals.Model;

internal enum AppealStatus
{
    Filed,
    Docketed,
    Scheduled,
    RecommendedDecision,
    Decided,
    Withdrawn,
    Dismissed,
}

/// <summary>What the next date on an appeal is for; <c>Viewing/AppealLabels</c> words it (ADR 0043).</summary>
internal enum DeadlineKind
{
    PetitionToVacate,
    Exceptions,
    FormalAppeal,
    FurtherAppeal,
    GoodCause,
    AuthorityProof,
    CaseSummary,
    InformalDecision,
    RecommendedDecision,
    FinalDecision,
    Decision,
    ExpeditedDecision,
}

/// <summary>The next date that matters on an appeal, and what it is for.</summary>
internal sealed record NextDeadline(DateOnly Date, DeadlineKind Kind);

/// <summary>Which decision clock the law sets (§ 32.1-325.1; 42 CFR 431.244(f)); the day counts are settings.</summary>
internal enum DecisionClockKind
{
    InformalDecision,
    RecommendedDecision,
    FinalDecision,
    ClientDecision,
    ExpeditedServices,
    ExpeditedEligibility,
}

/// <summary>A decision clock the law sets, with the day it was met (null while running).</summary>
internal sealed record StatutoryClock(DecisionClockKind Kind, DateOnly Due, DateOnly? MetOn);

/// <summary>What happens next on an appeal; one member per wording, so a list row stores a code, never a sentence.</summary>
internal enum AppealStep
{
    ProofOfAuthorityOverdue,
    DocketThenConference,
    DocketThenHearing,
    GoodCauseOrClose,
    ScheduleConference,
    ScheduleHearing,
    ConferenceThenDecision,
    HearingThenDecision,
    ExceptionsThenFinalDecision,
    FormalAppealPossible,
}

/// <summary>What the intake queue warns about.</summary>
internal enum AppealFlag
{
    FiledLate,
    McoAppealNotExhausted,
    AuthorityNotProven,
    AwaitingAuthorityProof,
}

/// <summary>
/// An appeal as its events make it: the one place that decides status, clocks, next deadline and what may happen next.
/// Actions are methods returning the event to append or saying, in the appeal's terms, why not.
/// </summary>
internal sealed class Appeal
{
    private static readonly Person System = new(Guid.Empty, "AIMS");

    private readonly List<DecisionIssued> decisions = [];
    private readonly Dictionary<CaseRole, Person> assignees = [];
    private readonly List<DivisionRequest> requests = [];

    /// <summary>The appeal's id: its event stream's.</summary>
    public Guid Id { get; set; }

    /// <summary>The stream's version once folded: the expected version of the next append (a page's SeenVersion).</summary>
    public long Version { get; set; }

    public string CaseNumber { get; private set; } = "";

    public AppealKind Kind { get; private set; }

    public AppealStatus Status { get; private set; }

    /// <summary>The filing event (informal, formal or client), kept whole for what only it says.</summary>
    public object Filing { get; private set; } = null!;

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

    public AppealDocketed? Docketing { get; private set; }

    public AppealDismissed? Dismissal { get; private set; }

    public IReadOnlyDictionary<CaseRole, Person> Assignees => assignees;

    public Hearing? Hearing { get; private set; }

    /// <summary>Reschedules the appellant asked for; from the third on, each needs a compelling reason.</summary>
    public int AppellantReschedules { get; private set; }

    /// <summary>Days added to a client's 90-day clock by the appellant's reschedules.</summary>
    public int WaivedDays { get; private set; }

    public CaseSummaryFiled? CaseSummary { get; private set; }

    public IReadOnlyList<Attendee> Attendees { get; private set; } = [];

    /// <summary>A no-show whose good-cause window is open.</summary>
    public NoShowRecorded? NoShow { get; private set; }

    /// <summary>A client appeal by a representative still waiting for their proof of authority.</summary>
    public bool AwaitsAuthorityProof => Filing is ClientAppealFiled { AuthorityProofDue: not null } && AuthorityProof is null;

    /// <summary>What the appellant asked the division for online, oldest first (ADR 0038).</summary>
    public IReadOnlyList<DivisionRequest> Requests => requests;

    /// <summary>The request of this kind still waiting for the division's answer, if any.</summary>
    public DivisionRequest? WaitingRequest(RequestKind kind) => requests.LastOrDefault(r => r.Kind == kind && r.Waiting);

    public bool IsClosed => Status is AppealStatus.Decided or AppealStatus.Withdrawn or AppealStatus.Dismissed;

    /// <summary>The person who decides: the hearing officer, or on an informal appeal the informal appeals agent.</summary>
    public Person? Decider => assignees.GetValueOrDefault(Kind == AppealKind.ProviderInformal ? CaseRole.InformalAppealsAgent : CaseRole.HearingOfficer);

    public Person? CaseWorker => assignees.GetValueOrDefault(CaseRole.CaseWorker);

    /// <summary>What the intake queue warns about: lateness, an MCO appeal not shown exhausted, authority not proven.</summary>
    public IReadOnlyList<AppealFlag> Flags
    {
        get
        {
            var flags = new List<AppealFlag>();
            if (!Timely)
            {
                flags.Add(AppealFlag.FiledLate);
            }

            if (Filing is ClientAppealFiled { Mco: { FinalDecisionDate: null, DidNotDecideInTime: false } })
            {
                flags.Add(AppealFlag.McoAppealNotExhausted);
            }

            if (AuthorityUnproven)
            {
                flags.Add(AppealFlag.AuthorityNotProven);
            }
            else if (AwaitsAuthorityProof)
            {
                flags.Add(AppealFlag.AwaitingAuthorityProof);
            }

            return flags;
        }
    }

    /// <summary>The decision clocks the law sets on this appeal, in the order they run.</summary>
    public IReadOnlyList<StatutoryClock> Clocks
    {
        get
        {
            DateOnly? Met(DecisionLevel level) => decisions.FirstOrDefault(d => d.Level == level)?.DecidedOn;
            var closedOn = Withdrawal?.WithdrawnOn ?? Dismissal?.DismissedOn;
            return Filing switch
            {
                InformalAppealFiled informal => [new(DecisionClockKind.InformalDecision, informal.DecisionDue, Met(DecisionLevel.Informal) ?? closedOn)],
                FormalAppealFiled formal => decisions.FirstOrDefault(d => d.Level == DecisionLevel.Recommended) is { FinalDecisionDue: { } finalDue } recommended
                    ? [new(DecisionClockKind.RecommendedDecision, formal.RecommendationDue, recommended.DecidedOn), new(DecisionClockKind.FinalDecision, finalDue, Met(DecisionLevel.Final) ?? closedOn)]
                    : [new(DecisionClockKind.RecommendedDecision, formal.RecommendationDue, Met(DecisionLevel.Recommended) ?? closedOn)],
                ClientAppealFiled { Expedited: { } track } client =>
                    [new(track == ExpeditedTrack.Services ? DecisionClockKind.ExpeditedServices : DecisionClockKind.ExpeditedEligibility, client.DecisionDue, Met(DecisionLevel.Hearing) ?? closedOn)],
                ClientAppealFiled client => [new(DecisionClockKind.ClientDecision, client.DecisionDue.AddDays(WaivedDays), Met(DecisionLevel.Hearing) ?? closedOn)],
                _ => [],
            };
        }
    }

    /// <summary>The clock now running, if any.</summary>
    public StatutoryClock? RunningClock => IsClosed ? null : Clocks.FirstOrDefault(c => c.MetOn is null);

    public NextDeadline? NextDeadline => Status switch
    {
        AppealStatus.Withdrawn or AppealStatus.Dismissed => Dismissal?.PetitionToVacateBy is { } petition ? new NextDeadline(petition, DeadlineKind.PetitionToVacate) : null,
        AppealStatus.Decided or AppealStatus.RecommendedDecision when decisions[^1].FurtherAppealBy is { } by && FormalAppeal is null =>
            new NextDeadline(by, Status == AppealStatus.RecommendedDecision ? DeadlineKind.Exceptions
                : Kind == AppealKind.ProviderInformal ? DeadlineKind.FormalAppeal : DeadlineKind.FurtherAppeal),
        AppealStatus.Decided => null,
        _ when NoShow is { } noShow => new NextDeadline(noShow.GoodCauseBy, DeadlineKind.GoodCause),
        _ when Filing is ClientAppealFiled { AuthorityProofDue: { } proofDue } && !AuthorityUnproven && AuthorityProof is null =>
            new NextDeadline(proofDue, DeadlineKind.AuthorityProof),
        _ when Hearing is { SummaryDue: { } due } && CaseSummary is null => new NextDeadline(due, DeadlineKind.CaseSummary),
        _ => RunningClock is { } clock ? new NextDeadline(clock.Due, clock.Kind switch
        {
            DecisionClockKind.InformalDecision => DeadlineKind.InformalDecision,
            DecisionClockKind.RecommendedDecision => DeadlineKind.RecommendedDecision,
            DecisionClockKind.FinalDecision => DeadlineKind.FinalDecision,
            DecisionClockKind.ClientDecision => DeadlineKind.Decision,
            _ => DeadlineKind.ExpeditedDecision,
        }) : null,
    };

    public AppealStep? NextStep => Status switch
    {
        AppealStatus.Filed when AuthorityUnproven => AppealStep.ProofOfAuthorityOverdue,
        AppealStatus.Filed => HoldsConference ? AppealStep.DocketThenConference : AppealStep.DocketThenHearing,
        AppealStatus.Docketed or AppealStatus.Scheduled when NoShow is not null => AppealStep.GoodCauseOrClose,
        AppealStatus.Docketed => HoldsConference ? AppealStep.ScheduleConference : AppealStep.ScheduleHearing,
        AppealStatus.Scheduled => HoldsConference ? AppealStep.ConferenceThenDecision : AppealStep.HearingThenDecision,
        AppealStatus.RecommendedDecision => AppealStep.ExceptionsThenFinalDecision,
        AppealStatus.Decided when Kind == AppealKind.ProviderInformal && FormalAppeal is null => AppealStep.FormalAppealPossible,
        _ => null,
    };

    /// <summary>An informal appeal is heard at an informal fact-finding conference; every other at a hearing.</summary>
    public bool HoldsConference => Kind == AppealKind.ProviderInformal;

    public DecisionIssued? InformalDecision => decisions.LastOrDefault(d => d.Level == DecisionLevel.Informal);

    /// <summary>Takes one event into the state (named so that Marten does not take it for a conventional Apply method).</summary>
    public void When(object @event)
    {
        switch (@event)
        {
            case InformalAppealFiled informal:
                Filed(informal, AppealKind.ProviderInformal, informal.CaseNumber, informal.FiledBy, informal.Provider.Name, informal.ActionType, informal.FiledOn, informal.LastDayToFile, informal.Timely);
                Provider = informal.Provider;
                Agency = informal.Agency;
                break;
            case FormalAppealFiled formal:
                Filed(formal, AppealKind.ProviderFormal, formal.CaseNumber, formal.FiledBy, formal.Provider.Name, FormalAppealFiled.Action, formal.FiledOn, formal.LastDayToFile, formal.Timely);
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
            case DeemedInProviderFavour deemed:
                decisions.Add(new DecisionIssued(deemed.Level, deemed.RecordedOn, "", "", System, deemed.FurtherAppealBy, Deemed: deemed));
                Status = AppealStatus.Decided;
                break;
            case AuthorityProofOverdue:
                AuthorityUnproven = true;
                break;
            case AuthorityProofReceived received:
                AuthorityProof = received;
                break;
            case AppealDocketed docketed:
                Docketing = docketed;
                Status = AppealStatus.Docketed;
                break;
            case AppealDismissed dismissed:
                Dismissal = dismissed;
                NoShow = null;
                Status = AppealStatus.Dismissed;
                break;
            case CaseAssigned assigned:
                assignees[assigned.Role] = assigned.Assignee;
                break;
            case HearingScheduled scheduled:
                Hearing = scheduled.Hearing;
                Status = AppealStatus.Scheduled;
                break;
            case HearingRescheduled rescheduled:
                Hearing = rescheduled.Hearing;
                AppellantReschedules += rescheduled.AppellantRequested ? 1 : 0;
                WaivedDays += rescheduled.WaivedDays;
                break;
            case CaseSummaryFiled summary:
                CaseSummary = summary;
                break;
            case AgencyAttendeesChanged attendees:
                Attendees = attendees.Attendees;
                break;
            case NoShowRecorded noShow:
                NoShow = noShow;
                break;
            case GoodCauseAccepted:
                NoShow = null;
                Hearing = null;
                Status = AppealStatus.Docketed;
                break;
            case AgencyChanged changed:
                Agency = changed.To;
                break;
            case DivisionRequestMade made:
                requests.Add(new DivisionRequest(made, null));
                break;
            case DivisionRequestAnswered answered:
                var index = requests.FindIndex(r => r.Id == answered.RequestId);
                requests[index] = requests[index] with { Answer = answered };
                break;
        }
    }

    /// <summary>Any open appeal may be withdrawn before its final decision (12VAC30-110; § 32.1-325.1).</summary>
    public WithdrawnByAppellant Withdraw(Person by, DateOnly today, string? reason) => Status switch
    {
        AppealStatus.Withdrawn => throw new RuleViolationException("{0} was already withdrawn on {1}.", CaseNumber, Withdrawal!.WithdrawnOn),
        AppealStatus.Decided => throw new RuleViolationException("{0} has its decision (issued {1}); a decided appeal cannot be withdrawn.", CaseNumber, decisions[^1].DecidedOn),
        AppealStatus.Dismissed => throw Closed(),
        _ => new WithdrawnByAppellant(by, today, Trimmed(reason)),
    };

    /// <summary>Accepts a filed appeal; one filed late only on a good-cause finding whose reason is recorded.</summary>
    public AppealDocketed Docket(Person by, DateOnly today, string? goodCause)
    {
        RequireStatus("docketed", AppealStatus.Filed);
        if (!Timely && Trimmed(goodCause) is null)
        {
            throw new RuleViolationException(
                $"{CaseNumber} was filed after the last day to file ({LastDayToFile:MM/dd/yyyy}). Docket it only on good cause, and say what the good cause is.");
        }

        return new AppealDocketed(by, today, Timely ? null : Trimmed(goodCause));
    }

    /// <summary>Closes an open appeal without a decision on its merits, for one of the fixed reasons.</summary>
    public AppealDismissed Dismiss(Person by, DateOnly today, DismissalReason reason, string? explanation, DateOnly? petitionToVacateBy)
    {
        RequireOpen("dismissed");
        if (reason == DismissalReason.NoShowWithoutGoodCause && NoShow is null)
        {
            throw new RuleViolationException($"No missed hearing is recorded on {CaseNumber}: record the no-show first; the appellant then has 10 days to show good cause.");
        }

        if (reason == DismissalReason.AuthorityNotProven && Filing is not ClientAppealFiled { AuthorityProofDue: not null })
        {
            throw new RuleViolationException($"{CaseNumber} was not filed by a representative who must prove authority.");
        }

        return new AppealDismissed(by, today, reason, Trimmed(explanation),
            reason == DismissalReason.NoShowWithoutGoodCause && Kind != AppealKind.Client ? petitionToVacateBy : null);
    }

    public CaseAssigned Assign(CaseRole role, Person assignee, Person by, string? reason)
    {
        RequireOpen("assigned");
        var fits = role switch
        {
            CaseRole.InformalAppealsAgent => Kind == AppealKind.ProviderInformal,
            CaseRole.HearingOfficer => Kind != AppealKind.ProviderInformal,
            _ => true,
        };
        if (!fits)
        {
            throw new RuleViolationException(Kind == AppealKind.ProviderInformal
                ? $"{CaseNumber} is an informal appeal: an informal appeals agent decides it, not a hearing officer."
                : $"{CaseNumber} is decided by a hearing officer; informal appeals agents decide informal appeals only.");
        }

        if (assignees.TryGetValue(role, out var current) && current.UserId == assignee.UserId)
        {
            throw new RuleViolationException($"{assignee.Name} is already assigned to {CaseNumber}.");
        }

        return new CaseAssigned(role, assignee, by, Trimmed(reason));
    }

    /// <summary>Sets the hearing or conference of a docketed appeal; it must be in the future.</summary>
    public HearingScheduled Schedule(Hearing hearing, Person by, DateTimeOffset now)
    {
        if (Status == AppealStatus.Scheduled)
        {
            throw new RuleViolationException($"The {HearingWord} on {CaseNumber} is already scheduled: reschedule it instead, with the reason.");
        }

        RequireStatus("scheduled", AppealStatus.Docketed);
        RequireFuture(hearing, now);
        return new HearingScheduled(hearing, by);
    }

    public HearingRescheduled Reschedule(Hearing hearing, string? reason, bool appellantRequested, string? compellingReason, Person by, DateTimeOffset now)
    {
        RequireStatus("rescheduled", AppealStatus.Scheduled);
        RequireFuture(hearing, now);
        if (Trimmed(reason) is null)
        {
            throw new RuleViolationException("Say why the hearing is moved.");
        }

        if (appellantRequested && AppellantReschedules >= 2 && Trimmed(compellingReason) is null)
        {
            throw new RuleViolationException(
                $"The appellant has already had {AppellantReschedules} reschedules on {CaseNumber}; another needs a compelling reason, recorded.");
        }

        var previous = Hearing!.StartsAt;
        var waived = appellantRequested && Kind == AppealKind.Client && !Expedited
            ? Math.Max(0, LocalDate(hearing.StartsAt).DayNumber - LocalDate(previous).DayNumber)
            : 0;
        return new HearingRescheduled(hearing, previous, Trimmed(reason)!, appellantRequested, waived, Trimmed(compellingReason), by);
    }

    /// <summary>The agency files its appeal or case summary; a client appeal's needs every part 12VAC30-110-185 lists.</summary>
    public CaseSummaryFiled FileCaseSummary(Person by, DateOnly today, CaseSummaryParts parts, IReadOnlyList<Guid> documentIds)
    {
        RequireStatus("given a case summary", AppealStatus.Filed, AppealStatus.Docketed, AppealStatus.Scheduled);
        if (Kind == AppealKind.Client && new[] { parts.Identifiers, parts.ResponsibleAgency, parts.Facts, parts.PolicyCitations, parts.Notice }.Any(p => Trimmed(p) is null))
        {
            throw new RuleViolationException(
                "A client appeal summary needs every part 12VAC30-110-185 lists: identifiers, the responsible agency, the facts and documents relied on, the policy citations and the notice.");
        }

        return new CaseSummaryFiled(by, today, parts, documentIds, Hearing?.SummaryDue is not { } due || today <= due);
    }

    /// <summary>
    /// Sets or corrects the agency or contractor, open or closed: a closed case's record belongs to the right agency too.
    /// </summary>
    public AgencyChanged ChangeAgency(AgencyRef to, Person by, string reason) =>
        Agency?.Id == to.Id
            ? throw new RuleViolationException("{0} already names {1}.", CaseNumber, to.Name)
            : new AgencyChanged(Agency, to, by, reason.Trim());

    public AgencyAttendeesChanged ChangeAttendees(IReadOnlyList<Attendee> attendees, Person by)
    {
        RequireOpen("changed");
        return new AgencyAttendeesChanged(attendees, by);
    }

    /// <summary>The appellant missed the hearing; the good-cause window opens.</summary>
    public NoShowRecorded RecordNoShow(Person by, DateTimeOffset now, DateOnly goodCauseBy)
    {
        RequireStatus("marked as a no-show", AppealStatus.Scheduled);
        if (NoShow is not null)
        {
            throw new RuleViolationException($"A no-show is already recorded on {CaseNumber}; good cause may be shown until {NoShow.GoodCauseBy:MM/dd/yyyy}.");
        }

        if (Hearing!.StartsAt > now)
        {
            throw new RuleViolationException($"The {HearingWord} on {CaseNumber} has not happened yet.");
        }

        return new NoShowRecorded(by, LocalDate(Hearing.StartsAt), goodCauseBy);
    }

    public GoodCauseAccepted AcceptGoodCause(Person by, DateOnly today, string? reason)
    {
        RequireOpen("reopened");
        if (NoShow is null)
        {
            throw new RuleViolationException($"No missed hearing is recorded on {CaseNumber}.");
        }

        return new GoodCauseAccepted(by, today, Trimmed(reason) ?? throw new RuleViolationException("Say what the good cause is."));
    }

    /// <summary>
    /// The appellant asks the division for something (ADR 0038). <paramref name="lastDay"/> is the last day the rules allow
    /// (null when it has no place); it is accepted on that day, refused after. One request of a kind waits at a time.
    /// </summary>
    public DivisionRequestMade Ask(RequestKind kind, Person by, DateOnly today, DateOnly? lastDay, string? reason, string? compellingReason)
    {
        RequireOpen("sent a request");
        if (lastDay is not { } last)
        {
            throw kind switch
            {
                RequestKind.NewDate => new RuleViolationException("{0} has no hearing or conference scheduled to move.", CaseNumber),
                RequestKind.GoodCause => new RuleViolationException("No missed hearing or conference is recorded on {0}.", CaseNumber),
                _ => new RuleViolationException("{0} has no recommended decision open to exceptions.", CaseNumber),
            };
        }

        if (today > last)
        {
            throw kind switch
            {
                RequestKind.NewDate => new RuleViolationException(
                    "The last day to ask for a new date on {0} was {1}, the day before the hearing or conference. Call the Appeals Division at once.", CaseNumber, last),
                RequestKind.GoodCause => new RuleViolationException("The last day to show good cause for the missed hearing or conference on {0} was {1}.", CaseNumber, last),
                _ => new RuleViolationException("The last day to file exceptions to the recommended decision on {0} was {1}.", CaseNumber, last),
            };
        }

        if (WaitingRequest(kind) is { } waiting)
        {
            throw new RuleViolationException("Your request of {1} on {0} is still waiting for the Appeals Division's answer.", CaseNumber, waiting.Made.MadeOn);
        }

        if (Trimmed(reason) is not { } why)
        {
            throw new RuleViolationException("Say what you are asking for and why.");
        }

        if (kind == RequestKind.NewDate && AppellantReschedules >= 2 && Trimmed(compellingReason) is null)
        {
            throw new RuleViolationException("The hearing on {0} has already been moved {1} times at your request: another new date needs a compelling reason. Say what it is.",
                CaseNumber, AppellantReschedules);
        }

        return new DivisionRequestMade(Guid.NewGuid(), kind, by, today, last, why, kind == RequestKind.NewDate ? Trimmed(compellingReason) : null);
    }

    /// <summary>The division grants or refuses a waiting request, with the reason the appellant reads.</summary>
    public DivisionRequestAnswered Answer(Guid requestId, bool granted, string? reason, Person by, DateOnly today)
    {
        var request = requests.FirstOrDefault(r => r.Id == requestId) ?? throw new NotFoundException("No such request.");
        if (request.Answer is { } answer)
        {
            throw new RuleViolationException($"This request was already {(answer.Granted ? "granted" : "refused")} on {answer.AnsweredOn:MM/dd/yyyy}.");
        }

        RequireOpen("answered");
        if (granted && request.Kind == RequestKind.GoodCause && NoShow is null)
        {
            throw new RuleViolationException($"No missed hearing is recorded on {CaseNumber}.");
        }

        return new DivisionRequestAnswered(requestId, granted, Trimmed(reason) ?? throw new RuleViolationException("Say why, for the appellant."), by, today);
    }

    /// <summary>Who may issue which decision, and when: the level follows the kind of appeal and where it stands.</summary>
    public DecisionLevel NextDecisionLevel => Kind switch
    {
        AppealKind.ProviderInformal => DecisionLevel.Informal,
        AppealKind.ProviderFormal => Status == AppealStatus.RecommendedDecision ? DecisionLevel.Final : DecisionLevel.Recommended,
        _ => DecisionLevel.Hearing,
    };

    public DecisionIssued Decide(DecisionIssued decision, DateTimeOffset now)
    {
        if (decision.Level != NextDecisionLevel)
        {
            throw new RuleViolationException($"The next decision on {CaseNumber} is the {NextDecisionLevel.ToString().ToLowerInvariant()} decision, not the {decision.Level.ToString().ToLowerInvariant()} decision.");
        }

        if (decision.Level == DecisionLevel.Final)
        {
            RequireStatus("given its final decision", AppealStatus.RecommendedDecision);
            if (decisions[^1].FurtherAppealBy is { } exceptionsBy && decision.DecidedOn <= exceptionsBy)
            {
                throw new RuleViolationException($"Exceptions to the recommended decision may be filed until {exceptionsBy:MM/dd/yyyy}; the final decision comes after that.");
            }

            if (WaitingRequest(RequestKind.Exceptions) is { } exceptions)
            {
                throw new RuleViolationException($"Answer the exceptions filed on {exceptions.Made.MadeOn:MM/dd/yyyy} first: the final decision considers them.");
            }
        }
        else
        {
            RequireStatus("decided", AppealStatus.Docketed, AppealStatus.Scheduled);
            if (NoShow is not null)
            {
                throw new RuleViolationException($"The good-cause window for the missed {HearingWord} is open until {NoShow.GoodCauseBy:MM/dd/yyyy}.");
            }

            if (Hearing is { } hearing && hearing.StartsAt > now)
            {
                throw new RuleViolationException($"The {HearingWord} on {CaseNumber} has not been held yet.");
            }
        }

        if (decision.Level == DecisionLevel.Hearing && decision.Parts is null)
        {
            throw new RuleViolationException("A client hearing decision needs all seven parts (12VAC30-110-370).");
        }

        return decision;
    }

    /// <summary>A provider's clock ran out: the deemed outcome, or null when a decision came in time or the case closed.</summary>
    public DeemedInProviderFavour? Deem(DecisionLevel level, DateOnly clockEndedOn, DateOnly today, DateOnly? furtherAppealBy) =>
        !IsClosed && Kind != AppealKind.Client && NextDecisionLevel == level && level is DecisionLevel.Informal or DecisionLevel.Final
            ? new DeemedInProviderFavour(level, clockEndedOn, today, furtherAppealBy)
            : null;

    // Refusals to staff stay sentences (ADR 0043); this word names the session in them.
    private string HearingWord => HoldsConference ? "informal fact-finding conference" : "hearing";

    private static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, BuildingBlocks.Time.BusinessCalendar.Eastern).DateTime);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void RequireFuture(Hearing hearing, DateTimeOffset now)
    {
        if (hearing.StartsAt <= now)
        {
            throw new RuleViolationException($"Choose a date and time for the {HearingWord} that is still ahead.");
        }
    }

    private void RequireOpen(string action)
    {
        if (IsClosed)
        {
            throw Closed(action);
        }
    }

    private void RequireStatus(string action, params AppealStatus[] allowed)
    {
        RequireOpen(action);
        if (!allowed.Contains(Status))
        {
            throw Status switch
            {
                AppealStatus.Filed => new RuleViolationException("{0} is filed: it cannot be {1} now.", CaseNumber, action),
                AppealStatus.Docketed => new RuleViolationException("{0} is docketed: it cannot be {1} now.", CaseNumber, action),
                AppealStatus.Scheduled => new RuleViolationException("{0} is scheduled: it cannot be {1} now.", CaseNumber, action),
                _ => new RuleViolationException("{0} is recommended decision issued: it cannot be {1} now.", CaseNumber, action),
            };
        }
    }

    // One wording per status, and the action an English key of its own, so a Spanish page reads the whole refusal in Spanish (ADR 0028).
    private RuleViolationException Closed(string action = "changed") => (Withdrawal, Dismissal) switch
    {
        ({ } withdrawn, _) => new RuleViolationException("{0} is withdrawn (on {1}): a closed appeal cannot be {2}.", CaseNumber, withdrawn.WithdrawnOn, action),
        (_, { } dismissed) => new RuleViolationException("{0} is dismissed (on {1}): a closed appeal cannot be {2}.", CaseNumber, dismissed.DismissedOn, action),
        _ => new RuleViolationException("{0} is decided: a closed appeal cannot be {1}.", CaseNumber, action),
    };

    private void Filed(object filing, AppealKind kind, string caseNumber, Person by, string appellant, string actionType, DateOnly filedOn, DateOnly lastDay, bool timely)
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
