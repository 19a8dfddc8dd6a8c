using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Web;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Staff;

/// <summary>
/// A page that takes one action on a case, carrying the version the person saw. A refusal shows above the form in the
/// appeal's words; a changed appeal answers 409 "reload" with the form on the current version.
/// </summary>
internal abstract class CaseActionPage(IMediator mediator) : PageModel
{
    public AppealView View { get; private set; } = null!;

    protected IMediator Mediator { get; } = mediator;

    public Appeal Appeal => View.Appeal;

    [BindProperty]
    public long SeenVersion { get; set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SeenVersion = Appeal.Version;
        return Page();
    }

    protected Filer Actor => Filer.From(User);

    /// <summary>Anything else the form needs (choices of staff, documents), loaded with the appeal.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected async Task<IActionResult> ActAsync(Guid id, IRequest<string> command, CancellationToken cancellationToken)
    {
        try
        {
            var done = await Mediator.SendFormAsync(command, ModelState, "", cancellationToken);
            if (done is not null)
            {
                TempData["Notice"] = done;
                return Redirect($"/appeals/{id}");
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
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SeenVersion = Appeal.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await Mediator.Send(new GetAppeal(Actor.UserId, id), cancellationToken);
        View = view!;
        if (view is null)
        {
            return false;
        }

        await LoadChoicesAsync(cancellationToken);
        return true;
    }
}
