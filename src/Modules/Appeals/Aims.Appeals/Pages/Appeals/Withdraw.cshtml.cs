using Aims.Appeals.Cases;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>The withdraw page: a thin adapter over <see cref="WithdrawAppeal"/> (Cases/WithdrawAppeal.cs).</summary>
[Authorize]
internal sealed class WithdrawModel(IMediator mediator, IStringLocalizer<AppealsText> t) : PageModel
{
    public AppealView View { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public long SeenVersion { get; set; }

    /// <summary>Why the withdrawal could not be made (already withdrawn, decided, or changed meanwhile).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SeenVersion = View.Appeal.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var withdrawn = await mediator.SendFormAsync(new WithdrawAppeal(Filer.From(User), id, SeenVersion, Reason), ModelState, "", cancellationToken);
            if (withdrawn is not null)
            {
                TempData["Notice"] = t["Appeal {0} is withdrawn. We emailed you a confirmation.", withdrawn.CaseNumber].Value;
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
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SeenVersion = View.Appeal.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only those who may act on the appeal see the form; a coordinator who may read it gets 404 here too.
        var view = await mediator.Send(new GetAppeal(Filer.From(User).UserId, id), cancellationToken);
        View = view!;
        return view is { Access.CanAct: true };
    }
}
