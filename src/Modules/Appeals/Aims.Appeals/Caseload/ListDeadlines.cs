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
        var due = open.Where(a => a.ClockDue <= horizon);
        var late = open.Where(a => a.SummaryDue < today && a.SummaryFiledOn == null);
        if (query.AssigneeId is { } assignee)
        {
            // One index scan per role rather than one OR filter over every open clock in the window; a case the person
            // both works and decides comes once, from the first.
            due = due.Where(a => a.CaseWorkerId == assignee).Concat(due.Where(a => a.DeciderId == assignee && a.CaseWorkerId != assignee));
            late = late.Where(a => a.CaseWorkerId == assignee || a.DeciderId == assignee);
        }

        var clocks = await CaseRow.From(due.OrderBy(a => a.ClockDue).ThenBy(a => a.CaseNumber)).Take(500).ToListAsync(cancellationToken);
        var summaries = await CaseRow.From(late.OrderBy(a => a.SummaryDue)).Take(500).ToListAsync(cancellationToken);

        // Each open case counts for its case worker and its decider, grouped by day in staff_load (migration 0015); no
        // clock running is kept under 'infinity' (open, never overdue nor due soon). Sorted as an anonymous type: EF Core
        // cannot order by a member of a record it builds through its constructor, and fails the query at run time.
        var loads = await db.StaffLoads.AsNoTracking().GroupBy(l => new { l.UserId, l.Name })
            .Select(g => new
            {
                g.Key.UserId, g.Key.Name, Open = g.Sum(l => l.Cases), Overdue = g.Sum(l => l.ClockDue < today ? l.Cases : 0),
                DueSoon = g.Sum(l => l.ClockDue >= today && l.ClockDue <= horizon ? l.Cases : 0),
            })
            .OrderByDescending(p => p.Overdue).ThenBy(p => p.Name)
            .ToListAsync(cancellationToken);
        var people = loads.Select(p => new PersonLoad(p.UserId, p.Name, p.Open, p.Overdue, p.DueSoon)).ToList();
        return new DeadlineBoard(today, clocks, summaries, people);
    }
}
