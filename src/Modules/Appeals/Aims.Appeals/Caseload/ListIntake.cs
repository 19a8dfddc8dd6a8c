using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Caseload;

/// <summary>New filings waiting to be docketed or dismissed, oldest first, with what intake should check on each.</summary>
internal sealed record ListIntake(int Page) : IRequest<SearchResult>;

internal sealed class ListIntakeValidator : AbstractValidator<ListIntake>
{
    public ListIntakeValidator() => RuleFor(q => q.Page).PageNumber();
}

internal sealed class ListIntakeHandler(AppealsDbContext db) : IRequestHandler<ListIntake, SearchResult>
{
    /// <summary>
    /// Compiled once (issue 19): the queue's shape never changes, so EF Core need not look its translation up on every
    /// request. One more row than a page tells whether there is a next page.
    /// </summary>
    public static readonly Func<AppealsDbContext, int, IAsyncEnumerable<CaseRow>> Queue = EF.CompileAsyncQuery((AppealsDbContext db, int skip) =>
        db.Summaries.AsNoTracking().Where(a => a.Status == AppealStatus.Filed).OrderBy(a => a.FiledOn).ThenBy(a => a.CaseNumber)
            .Select(CaseRow.Columns).Skip(skip).Take(AppealSearch.PageSize + 1));

    public async Task<SearchResult> Handle(ListIntake query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var rows = await Queue(db, (page - 1) * AppealSearch.PageSize).ToListAsync(cancellationToken);
        return new SearchResult(rows.Take(AppealSearch.PageSize).ToList(), page, rows.Count > AppealSearch.PageSize);
    }
}
