using Aims.Appeals.Access;
using Aims.Appeals.Contracts;
using Aims.Appeals.Decisions;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Web;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Viewing;

/// <summary>
/// The appeals a person takes part in, read from the appeal list. <paramref name="Search"/> matches a case number (or start),
/// a claim or adjustment reference, a Medicaid ID or the start of the appellant's name.
/// </summary>
internal sealed record ListAppeals(
    Guid UserId, bool Closed, AppealKind? Kind = null, AppealStatus? Status = null, AppealSort Sort = AppealSort.NextDeadline,
    string? Search = null, int Page = 1) : IRequest<AppealListPage>
{
    /// <summary>Rows on one page of a list (ADR 0037): enough to scan, few enough for a phone.</summary>
    public const int PageSize = 25;
}

internal enum AppealSort
{
    NextDeadline,
    Newest,
    CaseNumber,
}

/// <summary>One page of an appeal list and how many appeals the whole list holds.</summary>
internal sealed record AppealListPage(IReadOnlyList<AppealListItem> Items, int Total, int Page)
{
    public int Pages => Math.Max(1, (Total + ListAppeals.PageSize - 1) / ListAppeals.PageSize);
}

internal sealed record AppealListItem(
    Guid Id, string CaseNumber, AppealKind Kind, AppealStatus Status, string AppellantName, string ActionType, DateOnly FiledOn, bool Timely,
    bool Expedited, DateOnly? NextDeadline, DeadlineKind? NextDeadlineKind, AppealStep? NextStepCode)
{
    /// <summary>The words beside the code, in English as the API has always given them; pages look them up in the reader's language.</summary>
    public string? NextDeadlineWhat => NextDeadlineKind is { } kind ? AppealLabels.Deadline(kind) : null;

    public string? NextStep => NextStepCode is { } step ? AppealLabels.Step(step) : null;
}

/// <summary>One appeal with its history, for someone who takes part in it; null for anyone else (pages answer 404).</summary>
internal sealed record GetAppeal(Guid UserId, Guid AppealId) : IRequest<AppealView?>;

/// <param name="Decisions">The appeal's decisions worded for the reader (a deemed one's reason from its facts, ADR 0043).</param>
internal sealed record AppealView(Appeal Appeal, AppealAccess Access, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<DecisionIssued> Decisions);

/// <summary>One line of an appeal's history: when, who and what, read from its events and written in the reader's language.</summary>
internal sealed record TimelineEntry(DateTimeOffset At, string Who, string What);

internal sealed class AppealQueries(AppealAudience audience, EventStreams store, IStringLocalizer<AppealsText> t) :
    IRequestHandler<ListAppeals, AppealListPage>,
    IRequestHandler<GetAppeal, AppealView?>
{
    public async Task<AppealListPage> Handle(ListAppeals query, CancellationToken cancellationToken)
    {
        var viewer = await audience.ViewerAsync(query.UserId, cancellationToken);
        var rows = (await audience.VisibleAsync(viewer, cancellationToken)).Where(a => a.Closed == query.Closed);
        if (query.Kind is { } kind)
        {
            rows = rows.Where(a => a.Kind == kind);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(a => a.Status == status);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            // Each test can use an index of appeal_summaries (case number, Medicaid ID, name prefix, references).
            var upper = search.ToUpperInvariant();
            var lower = search.ToLowerInvariant();
            rows = rows.Where(a => a.CaseNumber.StartsWith(upper) || a.MedicaidId == search
                || a.AppellantName.ToLower().StartsWith(lower) || a.ClaimReferences.Contains(upper));
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + ListAppeals.PageSize - 1) / ListAppeals.PageSize));
        rows = query.Sort switch
        {
            AppealSort.Newest => rows.OrderByDescending(a => a.FiledOn).ThenByDescending(a => a.CaseNumber),
            AppealSort.CaseNumber => rows.OrderBy(a => a.CaseNumber),
            // PostgreSQL sorts NULL after every date in ascending order, so appeals with no deadline come last and the
            // order is the one 0012's index on (agency_id, next_deadline, case_number) holds.
            _ => rows.OrderBy(a => a.NextDeadline).ThenBy(a => a.CaseNumber),
        };
        var items = await rows.Skip((page - 1) * ListAppeals.PageSize).Take(ListAppeals.PageSize)
            .Select(a => new AppealListItem(a.Id, a.CaseNumber, a.Kind, a.Status, a.AppellantName, a.ActionType, a.FiledOn, a.Timely, a.Expedited,
                a.NextDeadline, a.NextDeadlineKind, a.NextStep))
            .ToListAsync(cancellationToken);
        return new AppealListPage(items, total, page);
    }

    public async Task<AppealView?> Handle(GetAppeal query, CancellationToken cancellationToken)
    {
        var access = await audience.AccessAsync(query.AppealId, await audience.ViewerAsync(query.UserId, cancellationToken), cancellationToken);
        if (!access.CanRead)
        {
            return null;
        }

        var events = await store.ReadAsync(query.AppealId, cancellationToken);
        var appeal = AppealStreams.Fold(query.AppealId, events);
        return new AppealView(appeal, access, events.Select(e => Describe(e, appeal)).Reverse().ToList(),
            appeal.Decisions.Select(d => AppealLabels.Worded(d, t)).ToList());
    }

    /// <summary>
    /// A history line in the reader's language. It shows no more than the page does elsewhere: the division's own notes stay
    /// on staff screens, and the division's acts are signed by the division, not the person at the desk.
    /// </summary>
    private TimelineEntry Describe(JasperFx.Events.IEvent stored, Appeal appeal)
    {
        var division = t["Appeals Division"].Value;
        var agency = appeal.Agency?.Name ?? t["The agency"];
        var conference = appeal.Kind == AppealKind.ProviderInformal;
        TimelineEntry Line(string who, string what) => new(stored.Timestamp, who, what);
        return stored.Data switch
        {
            InformalAppealFiled e => Line(e.FiledBy.Name, Late(t["Informal appeal {0} filed", e.CaseNumber], e.Timely, e.LastDayToFile)),
            FormalAppealFiled { InformalOutsideAims: true } e => Line(e.FiledBy.Name,
                Late(t["Formal appeal {0} filed, of the informal decision in {1} made outside AIMS", e.CaseNumber, e.InformalCaseNumber], e.Timely, e.LastDayToFile)),
            FormalAppealFiled e => Line(e.FiledBy.Name,
                Late(t["Formal appeal {0} filed, carrying forward the record of {1}", e.CaseNumber, e.InformalCaseNumber], e.Timely, e.LastDayToFile)),
            ClientAppealFiled e => Line(e.FiledBy.Name, Late(
                e.Expedited is null ? t["Appeal {0} filed", e.CaseNumber] : t["Appeal {0} filed with a request for an expedited decision", e.CaseNumber],
                e.Timely, e.LastDayToFile)),
            FormalAppealStarted e => Line(e.By.Name, t["Formal appeal {0} filed from this appeal", e.FormalCaseNumber]),
            WithdrawnByAppellant e => Line(e.By.Name, e.Reason is null ? t["Appeal withdrawn"] : t["Appeal withdrawn: “{0}”", e.Reason]),
            DecisionIssued e => Line(e.By.Name, t["{0} issued: {1}", t[DecisionWords.Name(e.Level)], t[e.Outcome]]),
            DeemedInProviderFavour e => Line("AIMS", e.Level == DecisionLevel.Informal
                ? t["No informal decision by {0}, the last day the law allows: the appeal is deemed decided in the provider's favour", PortalDates.Date(e.ClockEndedOn)]
                : t["No final decision by {0}, the last day the law allows: the appeal is deemed decided in the provider's favour", PortalDates.Date(e.ClockEndedOn)]),
            AuthorityProofOverdue e => Line("AIMS",
                t["No proof of the representative's authority by {0}; flagged for the Appeals Division to find the appeal invalid", PortalDates.Date(e.DueOn)]),
            AuthorityProofReceived e => Line(e.By.Name, t["Proof of the representative's authority received: {0}", e.DocumentName]),
            AppealDocketed => Line(division, t["Appeal accepted (docketed)"]),
            AppealDismissed e => Line(division, t["Appeal dismissed: {0}", t[AppealLabels.Dismissal(e.Reason)]]),
            CaseAssigned => Line(division, t["Appeals Division staff assigned to the case"]),
            HearingScheduled e => Line(division, conference
                ? t["Informal fact-finding conference scheduled for {0}", PortalDates.Eastern(e.Hearing.StartsAt)]
                : t["Hearing scheduled for {0}", PortalDates.Eastern(e.Hearing.StartsAt)]),
            HearingRescheduled { AppellantRequested: true } e => Line(division, conference
                ? t["Informal fact-finding conference moved to {0} at the appellant's request", PortalDates.Eastern(e.Hearing.StartsAt)]
                : t["Hearing moved to {0} at the appellant's request", PortalDates.Eastern(e.Hearing.StartsAt)]),
            HearingRescheduled e => Line(division, conference
                ? t["Informal fact-finding conference moved to {0}", PortalDates.Eastern(e.Hearing.StartsAt)]
                : t["Hearing moved to {0}", PortalDates.Eastern(e.Hearing.StartsAt)]),
            CaseSummaryFiled e => Line(agency, e.OnTime ? t["Agency's case summary filed"] : t["Agency's case summary filed, late"]),
            AgencyAttendeesChanged => Line(agency, t["Agency's attendees for the hearing updated"]),
            NoShowRecorded e => Line(division, conference
                ? t["Missed informal fact-finding conference recorded ({0}); good cause may be shown until {1}", PortalDates.Date(e.HearingOn), PortalDates.Date(e.GoodCauseBy)]
                : t["Missed hearing recorded ({0}); good cause may be shown until {1}", PortalDates.Date(e.HearingOn), PortalDates.Date(e.GoodCauseBy)]),
            GoodCauseAccepted => Line(division, conference
                ? t["Good cause for missing the informal fact-finding conference accepted; it is to be scheduled again"]
                : t["Good cause for missing the hearing accepted; it is to be scheduled again"]),
            AgencyChanged e => Line(division, t["Agency or contractor set to {0}", e.To.Name]),
            DivisionRequestMade e => Line(e.By.Name, t["Asked the Appeals Division for: {0}", t[RequestLabels.Label(e.Kind)].Value.ToLowerInvariant()]),
            DivisionRequestAnswered e => Line(division, e.Granted ? t["Request granted: {0}", e.Reason] : t["Request refused: {0}", e.Reason]),
            // A kind of event added later reads as the division's update until it has its own line, never as its type name.
            _ => Line(division, t["The Appeals Division updated the case"]),
        };
    }

    private string Late(string filed, bool timely, DateOnly lastDay) =>
        timely ? filed : t["{0} after the last day to file ({1}); marked untimely", filed, PortalDates.Date(lastDay)];
}
