using Aims.Appeals.Access;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.EventSourcing;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Viewing;

/// <summary>The appeals a person takes part in, open or closed, filtered and sorted — read from the appeal list.</summary>
internal sealed record ListAppeals(Guid UserId, bool Closed, AppealKind? Kind = null, AppealStatus? Status = null, AppealSort Sort = AppealSort.NextDeadline)
    : IRequest<IReadOnlyList<AppealListItem>>;

internal enum AppealSort
{
    NextDeadline,
    Newest,
    CaseNumber,
}

internal sealed record AppealListItem(
    Guid Id, string CaseNumber, AppealKind Kind, AppealStatus Status, string AppellantName, string ActionType, DateOnly FiledOn, bool Timely,
    bool Expedited, DateOnly? NextDeadline, string? NextDeadlineWhat, string? NextStep);

/// <summary>One appeal with its history, for someone who takes part in it; null for anyone else (pages answer 404).</summary>
internal sealed record GetAppeal(Guid UserId, Guid AppealId) : IRequest<AppealView?>;

internal sealed record AppealView(Appeal Appeal, AppealAccess Access, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>One line of an appeal's history: when, who and what, read from its events.</summary>
internal sealed record TimelineEntry(DateTimeOffset At, string Who, string What);

internal sealed class AppealQueries(AppealAudience audience, EventStore store) :
    IRequestHandler<ListAppeals, IReadOnlyList<AppealListItem>>,
    IRequestHandler<GetAppeal, AppealView?>
{
    public async Task<IReadOnlyList<AppealListItem>> Handle(ListAppeals query, CancellationToken cancellationToken)
    {
        var rows = audience.Visible(await audience.ViewerAsync(query.UserId, cancellationToken)).Where(a => a.Closed == query.Closed);
        if (query.Kind is { } kind)
        {
            rows = rows.Where(a => a.Kind == kind);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(a => a.Status == status);
        }

        rows = query.Sort switch
        {
            AppealSort.Newest => rows.OrderByDescending(a => a.FiledOn).ThenByDescending(a => a.CaseNumber),
            AppealSort.CaseNumber => rows.OrderBy(a => a.CaseNumber),
            _ => rows.OrderBy(a => a.NextDeadline == null).ThenBy(a => a.NextDeadline).ThenBy(a => a.CaseNumber),
        };
        return await rows.Take(500)
            .Select(a => new AppealListItem(a.Id, a.CaseNumber, a.Kind, a.Status, a.AppellantName, a.ActionType, a.FiledOn, a.Timely, a.Expedited,
                a.NextDeadline, a.NextDeadlineWhat, a.NextStep))
            .ToListAsync(cancellationToken);
    }

    public async Task<AppealView?> Handle(GetAppeal query, CancellationToken cancellationToken)
    {
        var access = await audience.AccessAsync(query.AppealId, await audience.ViewerAsync(query.UserId, cancellationToken), cancellationToken);
        if (!access.CanRead)
        {
            return null;
        }

        var events = await store.ReadStreamAsync(query.AppealId, cancellationToken);
        return new AppealView(EventStore.Fold<Appeal>(query.AppealId, events), access, events.Select(Describe).Reverse().ToList());
    }

    private static TimelineEntry Describe(StoredEvent stored) => stored.Data switch
    {
        InformalAppealFiled e => new(stored.Timestamp, e.FiledBy.Name, $"Informal appeal {e.CaseNumber} filed{Late(e.Timely, e.LastDayToFile)}"),
        FormalAppealFiled e => new(stored.Timestamp, e.FiledBy.Name, $"Formal appeal {e.CaseNumber} filed, carrying forward the record of {e.InformalCaseNumber}{Late(e.Timely, e.LastDayToFile)}"),
        ClientAppealFiled e => new(stored.Timestamp, e.FiledBy.Name,
            $"Appeal {e.CaseNumber} filed{(e.Expedited is null ? "" : " with a request for an expedited decision")}{Late(e.Timely, e.LastDayToFile)}"),
        FormalAppealStarted e => new(stored.Timestamp, e.By.Name, $"Formal appeal {e.FormalCaseNumber} filed from this appeal"),
        WithdrawnByAppellant e => new(stored.Timestamp, e.By.Name, "Appeal withdrawn" + (e.Reason is null ? "" : $": “{e.Reason}”")),
        DecisionIssued e => new(stored.Timestamp, e.By.Name, $"{e.Level} decision issued: {e.Outcome}"),
        AuthorityProofOverdue e => new(stored.Timestamp, "AIMS", $"No proof of the representative's authority by {e.DueOn:MM/dd/yyyy}; flagged for the Appeals Division to find the appeal invalid"),
        AuthorityProofReceived e => new(stored.Timestamp, e.By.Name, $"Proof of the representative's authority received: {e.DocumentName}"),
        _ => new(stored.Timestamp, "Appeals Division", stored.Type),
    };

    private static string Late(bool timely, DateOnly lastDay) => timely ? "" : $" after the last day to file ({lastDay:MM/dd/yyyy}); marked untimely";
}
