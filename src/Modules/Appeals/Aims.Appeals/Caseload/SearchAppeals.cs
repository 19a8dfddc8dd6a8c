using System.Linq.Expressions;
using System.Text;
using Aims.Appeals.Contracts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Validation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Appeals.Caseload;

/// <summary>
/// The division's search over every appeal, paged, sorted and exportable as CSV. It reads list rows only, so it never
/// carries what a list row does not hold (no contact numbers, no MFA phones).
/// </summary>
internal sealed class AppealSearch
{
    public const int PageSize = 50;

    public string? Text { get; set; }

    public string? Npi { get; set; }

    public string? MedicaidId { get; set; }

    public AppealStatus? Status { get; set; }

    public AppealKind? Kind { get; set; }

    public Guid? AgencyId { get; set; }

    public Guid? AssigneeId { get; set; }

    public string? FiledFrom { get; set; }

    public string? FiledTo { get; set; }

    public SearchSort Sort { get; set; } = SearchSort.Newest;

    public int Page { get; set; } = 1;

    public IQueryable<AppealSummary> Apply(IQueryable<AppealSummary> rows)
    {
        var text = Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var caseNumber = text.ToUpperInvariant();
            var prefix = text.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(a => a.CaseNumber == caseNumber || EF.Functions.Like(a.AppellantName.ToLower(), prefix));
        }

        if (!string.IsNullOrWhiteSpace(Npi))
        {
            rows = rows.Where(a => a.Npi == Npi.Trim());
        }

        if (!string.IsNullOrWhiteSpace(MedicaidId))
        {
            rows = rows.Where(a => a.MedicaidId == MedicaidId.Trim());
        }

        if (Status is { } status)
        {
            rows = rows.Where(a => a.Status == status);
        }

        if (Kind is { } kind)
        {
            rows = rows.Where(a => a.Kind == kind);
        }

        if (AgencyId is { } agency)
        {
            rows = rows.Where(a => a.AgencyId == agency);
        }

        if (AssigneeId is { } assignee)
        {
            rows = rows.Where(a => a.CaseWorkerId == assignee || a.DeciderId == assignee);
        }

        if (AimsRules.ParseDate(FiledFrom) is { } from)
        {
            rows = rows.Where(a => a.FiledOn >= from);
        }

        if (AimsRules.ParseDate(FiledTo) is { } to)
        {
            rows = rows.Where(a => a.FiledOn <= to);
        }

        return Sort switch
        {
            SearchSort.Oldest => rows.OrderBy(a => a.FiledOn).ThenBy(a => a.CaseNumber),
            SearchSort.CaseNumber => rows.OrderBy(a => a.CaseNumber),
            SearchSort.ClockDue => rows.OrderBy(a => a.ClockDue == null).ThenBy(a => a.ClockDue).ThenBy(a => a.CaseNumber),
            _ => rows.OrderByDescending(a => a.FiledOn).ThenByDescending(a => a.CaseNumber),
        };
    }
}

internal enum SearchSort
{
    Newest,
    Oldest,
    CaseNumber,
    ClockDue,
}

/// <summary>One appeal as the division's lists show it.</summary>
internal sealed record CaseRow(
    Guid Id, string CaseNumber, AppealKind Kind, AppealStatus Status, string AppellantName, string? Npi, string? MedicaidId, string? AgencyName,
    DateOnly FiledOn, bool Timely, bool Expedited, string[] FlagCodes, string? CaseWorkerName, string? DeciderName, DateTimeOffset? HearingAt,
    DateOnly? SummaryDue, DateOnly? SummaryFiledOn, DateOnly? ClockDue, DecisionClockKind? ClockKind)
{
    /// <summary>The flags' words beside their codes; the list row stores the codes (ADR 0043).</summary>
    public IReadOnlyList<string> Flags => [.. FlagCodes.Select(flag => AppealLabels.Flag(Enum.Parse<AppealFlag>(flag)))];


    /// <summary>The columns a list shows, as an expression so that a compiled query can use it too.</summary>
    public static readonly Expression<Func<AppealSummary, CaseRow>> Columns = a => new CaseRow(
        a.Id, a.CaseNumber, a.Kind, a.Status, a.AppellantName, a.Npi, a.MedicaidId, a.AgencyName, a.FiledOn, a.Timely, a.Expedited, a.Flags,
        a.CaseWorkerName, a.DeciderName, a.HearingAt, a.SummaryDue, a.SummaryFiledOn, a.ClockDue, a.ClockKind);

    public static IQueryable<CaseRow> From(IQueryable<AppealSummary> rows) => rows.Select(Columns);
}

internal sealed record SearchAppeals(AppealSearch Search) : IRequest<SearchResult>;

internal sealed class SearchAppealsValidator : AbstractValidator<SearchAppeals>
{
    public SearchAppealsValidator() => RuleFor(q => q.Search.Page).PageNumber();
}

internal static class PageNumbers
{
    /// <summary>Far beyond any real result; a larger page number would overflow the offset (page 2147483647 did).</summary>
    public const int Maximum = 10_000;

    public static IRuleBuilderOptions<T, int> PageNumber<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Maximum).OverridePropertyName("page").WithMessage($"Ask for a page from 1 to {Maximum}.");
}

internal sealed record SearchResult(IReadOnlyList<CaseRow> Rows, int Page, bool HasMore);

internal sealed class SearchAppealsHandler(AppealsDbContext db) : IRequestHandler<SearchAppeals, SearchResult>
{
    public async Task<SearchResult> Handle(SearchAppeals query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Search.Page);
        // One more than a page tells whether there is a next page without counting the whole result.
        var rows = await CaseRow.From(query.Search.Apply(db.Summaries.AsNoTracking()))
            .Skip((page - 1) * AppealSearch.PageSize).Take(AppealSearch.PageSize + 1).ToListAsync(cancellationToken);
        return new SearchResult(rows.Take(AppealSearch.PageSize).ToList(), page, rows.Count > AppealSearch.PageSize);
    }
}
