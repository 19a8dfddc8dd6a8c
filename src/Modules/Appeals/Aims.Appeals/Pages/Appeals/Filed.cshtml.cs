using System.Security.Claims;
using Aims.Appeals.Viewing;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aims.Appeals.Pages.Appeals;

/// <summary>The confirmation after filing: the case number to quote, whether it was on time, and what happens next.</summary>
[Authorize]
internal sealed class FiledModel(IMediator mediator, Filing.FilingReceipt receipt) : PageModel
{
    public AppealView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetAppeal(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), id), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>The same confirmation as a PDF receipt to keep or print.</summary>
    public async Task<IActionResult> OnGetReceiptAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetAppeal(Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), id), cancellationToken);
        return view is null
            ? NotFound()
            : File(receipt.Render(view), "application/pdf", $"AIMS-{view.Appeal.CaseNumber}-receipt.pdf");
    }
}
