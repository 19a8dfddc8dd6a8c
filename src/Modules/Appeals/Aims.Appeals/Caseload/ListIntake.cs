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
    public async Task<SearchResult> Handle(ListIntake query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var rows = await CaseRow.From(db.Summaries.AsNoTracking().Where(a => a.Status == AppealStatus.Filed).OrderBy(a => a.FiledOn).ThenBy(a => a.CaseNumber))
            .Skip((page - 1) * AppealSearch.PageSize).Take(AppealSearch.PageSize + 1).ToListAsync(cancellationToken);
        return new SearchResult(rows.Take(AppealSearch.PageSize).ToList(), page, rows.Count > AppealSearch.PageSize);
    }
}
