using System.Security.Claims;
using System.Text.Json;
using Aims.Appeals.Contracts;
using Aims.Appeals.Drafts;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.Appeals.Rules;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace Aims.Appeals.Filing;

/// <summary>
/// What the filing forms share: showing the form (draft or new), "Check my deadline", drafts, and a filing key so a
/// second submit finds the first appeal. Rule breaks show atop the form; failures write nothing; unseen appeals are 404.
/// </summary>
internal abstract class FilingPage<TForm>(IMediator mediator, AppealDeadlines deadlines, TimeProvider time, ILogger logger) : PageModel
    where TForm : class, IContactForm, new()
{
    [BindProperty]
    public TForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Draft { get; set; }

    [BindProperty]
    public string? FilingKey { get; set; }

    public bool Failed { get; private set; }

    /// <summary>The filing window for the dates entered so far, shown before submit; null until they are entered.</summary>
    public FilingWindow? Window { get; protected set; }

    /// <summary>Today as a filing date: the server's clock, as a New York date.</summary>
    public DateOnly Today => deadlines.FiledOn(time.GetUtcNow());

    protected abstract AppealKind Kind { get; }

    protected IMediator Mediator => mediator;

    protected AppealDeadlines Deadlines => deadlines;

    protected Filer Filer => Filer.From(User);

    protected Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>Shows the form: the person's draft (404 if not theirs) or a new one with the filer's details, and the page's choices.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadDraftAsync(cancellationToken) || !await LoadChoicesAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Draft is null)
        {
            Prefill();
        }

        return Page();
    }

    /// <summary>"Check my deadline": the form again, without errors, with the filing window for the dates entered so far.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await LoadChoicesAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>What the form offers and the filing window for the dates entered so far; false when there is nothing to show (404).</summary>
    protected abstract Task<bool> LoadChoicesAsync(CancellationToken cancellationToken);

    /// <summary>A new form's first values (after the choices are loaded): the filer's own name and contact.</summary>
    protected virtual void Prefill() => Form.Prefill(Filer);

    /// <summary>Fills the form from the draft; false when the draft is not this person's (the page answers 404).</summary>
    protected async Task<bool> LoadDraftAsync(CancellationToken cancellationToken)
    {
        FilingKey = Draft?.ToString() ?? Guid.NewGuid().ToString();
        if (Draft is not { } draftId)
        {
            return true;
        }

        if (await mediator.Send(new LoadDraft(UserId, draftId, Kind), cancellationToken) is not { } saved)
        {
            return false;
        }

        Form = JsonSerializer.Deserialize<TForm>(saved, DraftForms.Json)!;
        return true;
    }

    protected async Task<IActionResult> SaveDraftAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var id = await mediator.Send(new SaveDraft(UserId, Kind, Draft, Form), cancellationToken);
        TempData["Notice"] = "Your draft is saved. Come back to it from \"My appeals\" whenever you are ready to file.";
        return RedirectToPage(new { draft = id });
    }

    protected async Task<IActionResult> FileAsync(IRequest<FiledAppeal> command, Func<Task> reload, CancellationToken cancellationToken)
    {
        FiledAppeal? filed = null;
        try
        {
            filed = await mediator.SendFormAsync(command, ModelState, "", cancellationToken);
        }
        catch (RuleViolationException refused)
        {
            ModelState.AddModelError("", refused.On(HttpContext));
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or NotFoundException))
        {
            logger.LogError(exception, "An appeal could not be filed ({Command}).", command.GetType().Name);
            Failed = true;
        }

        if (filed is null)
        {
            await reload();
            return Page();
        }

        return RedirectToPage("/Appeals/Filed", new { id = filed.AppealId });
    }

    /// <summary>
    /// Where the form and its buttons post: this page with the draft, never the address the last post left in the
    /// browser (after "Check my deadline" that would carry ?handler=Check into "File the appeal").
    /// </summary>
    public string PostUrl(string? handler = null)
    {
        var query = new List<string>();
        if (Draft is { } draft)
        {
            query.Add($"draft={draft}");
        }

        if (handler is not null)
        {
            query.Add($"handler={handler}");
        }

        return Request.Path + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    /// <summary>The filing key a submit carries: a draft's id wins, so every tab that opened the draft files it once.</summary>
    protected string Key => Draft?.ToString() ?? (string.IsNullOrWhiteSpace(FilingKey) ? Guid.NewGuid().ToString() : FilingKey.Trim());
}
