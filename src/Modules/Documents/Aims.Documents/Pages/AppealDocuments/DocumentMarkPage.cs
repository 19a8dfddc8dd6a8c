using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Web;
using Aims.Documents.Contracts;
using Aims.Documents.Uploading;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Documents.Pages.AppealDocuments;

/// <summary>
/// A staff page that marks one document with a reason (superseded, removed); 404 for anyone who is not the division's
/// staff on that appeal, as for a stranger.
/// </summary>
internal abstract class DocumentMarkPage(IMediator mediator) : PageModel
{
    public AppealDocument Document { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken cancellationToken) =>
        await LoadAsync(id, documentId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        try
        {
            var name = await mediator.SendFormAsync(Command(id, documentId), ModelState, "", cancellationToken);
            if (name is not null)
            {
                TempData["Notice"] = Done(name);
                return Redirect($"/appeals/{id}#documents");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException refused)
        {
            Refusal = refused.Message;
        }

        return await LoadAsync(id, documentId, cancellationToken) ? Page() : NotFound();
    }

    protected abstract IRequest<string> Command(Guid id, Guid documentId);

    protected abstract string Done(string name);

    private async Task<bool> LoadAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var list = await mediator.Send(new ListAppealDocuments(id, Uploader.From(User).UserId), cancellationToken);
        Document = list?.Items.SingleOrDefault(d => d.Id == documentId)!;
        return list is { CanSupersede: true } && Document is not null;
    }
}
