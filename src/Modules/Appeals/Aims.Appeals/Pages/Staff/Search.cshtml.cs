using System.Globalization;
using System.Text;
using Aims.Appeals.Caseload;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Validation;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.SearchAllAppeals))]
internal sealed class SearchModel(IMediator mediator, AppealsDbContext db, IOptions<AppealRulesOptions> rules) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AppealSearch Search { get; set; } = new();

    public SearchResult Result { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Result = await mediator.Send(new SearchAppeals(Search), cancellationToken);

    /// <summary>The whole result as CSV, streamed row by row.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"appeals-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync("Case number,Kind,Status,Appellant,NPI,Medicaid ID,Agency,Filed,Timely,Expedited,Case worker,Decided by,Hearing,Summary due,Summary filed,Decision clock,Clock due");
        await foreach (var row in CaseRow.From(Search.Apply(db.Summaries.AsNoTracking())).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',', new[]
            {
                row.CaseNumber, AppealLabels.Kind(row.Kind), AppealLabels.Status(row.Status), row.AppellantName, row.Npi, row.MedicaidId, row.AgencyName,
                Day(row.FiledOn), row.Timely ? "yes" : "no", row.Expedited ? "yes" : "no", row.CaseWorkerName, row.DeciderName,
                row.HearingAt is { } at ? BuildingBlocks.Web.PortalDates.Eastern(at) : null, Day(row.SummaryDue), Day(row.SummaryFiledOn), row.ClockKind is { } clock ? AppealLabels.Clock(clock, rules.Value) : null, Day(row.ClockDue),
            }.Select(Csv)));
        }

        return new EmptyResult();
    }

    private static string? Day(DateOnly? day) => day?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Quotes every field and defuses a leading =, +, - or @ so a spreadsheet never runs a name as a formula.</summary>
    private static string Csv(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]))
        {
            text = "'" + text;
        }

        return $"\"{text.Replace("\"", "\"\"")}\"";
    }
}
