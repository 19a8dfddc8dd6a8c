using System.Security.Claims;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Caseload;

/// <summary>
/// What is due or overdue: open appeals whose decision clock runs out within the window (or already did), and agency
/// summaries past due, for one person (their cases as case worker or decider) or the whole team; with counts per person.
/// </summary>
internal sealed record ListDeadlines(Guid? AssigneeId, int WithinDays) : IRequest<DeadlineBoard>;

internal sealed record DeadlineBoard(DateOnly Today, IReadOnlyList<CaseRow> Clocks, IReadOnlyList<CaseRow> LateSummaries, IReadOnlyList<PersonLoad> People);

/// <summary>One person's open cases, and how many of them are overdue or due within the window.</summary>
internal sealed record PersonLoad(Guid UserId, string Name, int Open, int Overdue, int DueSoon);

internal sealed class ListDeadlinesHandler(AppealsDbContext db, BusinessCalendar calendar) : IRequestHandler<ListDeadlines, DeadlineBoard>
{
    public async Task<DeadlineBoard> Handle(ListDeadlines query, CancellationToken cancellationToken)
    {
        var today = calendar.Today();
        var horizon = today.AddDays(Math.Clamp(query.WithinDays, 0, 365));
        var open = db.Summaries.AsNoTracking().Where(a => !a.Closed);
        if (query.AssigneeId is { } assignee)
        {
            open = open.Where(a => a.CaseWorkerId == assignee || a.DeciderId == assignee);
        }

        var clocks = await CaseRow.From(open.Where(a => a.ClockDue <= horizon).OrderBy(a => a.ClockDue).ThenBy(a => a.CaseNumber)).Take(500).ToListAsync(cancellationToken);
        var late = await CaseRow.From(open.Where(a => a.SummaryDue < today && a.SummaryFiledOn == null).OrderBy(a => a.SummaryDue)).Take(500).ToListAsync(cancellationToken);

        // Each open case counts for its case worker and its decider.
        var assigned = db.Summaries.AsNoTracking().Where(a => !a.Closed && a.CaseWorkerId != null)
            .Select(a => new { Id = a.CaseWorkerId!.Value, Name = a.CaseWorkerName!, a.ClockDue })
            .Concat(db.Summaries.AsNoTracking().Where(a => !a.Closed && a.DeciderId != null)
                .Select(a => new { Id = a.DeciderId!.Value, Name = a.DeciderName!, a.ClockDue }));
        // Sorted as an anonymous type: EF Core cannot order by a member of a record it builds through its constructor,
        // and fails the whole query at run time if asked to.
        var loads = await assigned.GroupBy(a => new { a.Id, a.Name })
            .Select(g => new { g.Key.Id, g.Key.Name, Open = g.Count(), Overdue = g.Count(a => a.ClockDue < today), DueSoon = g.Count(a => a.ClockDue >= today && a.ClockDue <= horizon) })
            .OrderByDescending(p => p.Overdue).ThenBy(p => p.Name)
            .ToListAsync(cancellationToken);
        var people = loads.Select(p => new PersonLoad(p.Id, p.Name, p.Open, p.Overdue, p.DueSoon)).ToList();
        return new DeadlineBoard(today, clocks, late, people);
    }
}
