using Aims.Appeals.Model;
using Aims.Appeals.Requests;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>
/// Asks the division for a new hearing date, good cause or exceptions (ADR 0038). Only those who may act reach it (else 404);
/// when the request has no place or its last day passed, the page says so with the date instead of the form.
/// </summary>
[Authorize]
internal sealed class AskModel(IMediator mediator, AppealDeadlines deadlines, BusinessCalendar calendar, IStringLocalizer<AppealsText> t) : PageModel
{
    public AppealView View { get; private set; } = null!;

    public Appeal Appeal => View.Appeal;

    public RequestKind Kind { get; private set; }

    public string Slug => DivisionRequestNotices.Slug(Kind);

    /// <summary>The last day to ask, when the request has a place now.</summary>
    public DateOnly? LastDay { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? CompellingReason { get; set; }

    [BindProperty]
    public long SeenVersion { get; set; }

    /// <summary>Why the request cannot be made now, or why it was refused.</summary>
    public string? Refusal { get; private set; }

    public bool Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, kind, cancellationToken))
        {
            return NotFound();
        }

        // The appeal's own rule, asked with a placeholder reason, says whether the form has a place now.
        try
        {
            Appeal.Ask(Kind, Filer.From(User).Person, calendar.Today(), LastDay, "-", "-");
        }
        catch (RuleViolationException refused)
        {
            Refusal = refused.On(HttpContext);
            Closed = true;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, kind, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var asked = await mediator.SendFormAsync(new AskDivision(Filer.From(User), id, SeenVersion, Kind, Reason, CompellingReason), ModelState, "", cancellationToken);
            if (asked is not null)
            {
                TempData["Notice"] = t["Your request is sent to the Appeals Division ({0}). You will be told their answer.", PortalDates.Date(asked.MadeOn)].Value;
                return Redirect($"/appeals/{id}#requests");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException refused)
        {
            Refusal = refused.On(HttpContext);
        }
        catch (ConcurrencyException changed)
        {
            Refusal = changed.Message;
        }

        await LoadAsync(id, kind, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, string kind, CancellationToken cancellationToken)
    {
        if (!DivisionRequestNotices.Slugs.TryGetValue(kind, out var requestKind))
        {
            return false;
        }

        Kind = requestKind;
        var view = await mediator.Send(new GetAppeal(Filer.From(User).UserId, id), cancellationToken);
        if (view is not { Access.CanAct: true })
        {
            return false;
        }

        View = view;
        SeenVersion = view.Appeal.Version;
        LastDay = deadlines.LastDayToAsk(view.Appeal, requestKind);
        return true;
    }
}
