using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.Identity.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Pages.Staff;

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

[Authorize(Policy = nameof(Permission.WorkIntakeQueue))]
internal sealed class IntakeModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResult Result { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await mediator.Send(new ListIntake(PageNumber), cancellationToken);
}
