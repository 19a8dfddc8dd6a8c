using Aims.Appeals.Cases;
using Aims.Appeals.Model;
using Aims.Appeals.Pages.Staff;
using Aims.Documents.Contracts;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Agency;

[Authorize(Policy = nameof(Permission.FileCaseSummaries))]
internal sealed class CaseSummaryModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public CaseSummaryForm Form { get; set; } = new();

    public IReadOnlyList<AppealDocument> Documents { get; private set; } = [];

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new FileCaseSummary(Actor, id, SeenVersion, Form), cancellationToken);

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) =>
        Documents = (await Mediator.Send(new ListAppealDocuments(Appeal.Id, Actor.UserId), cancellationToken))?.Items.Where(d => d.Removed is null).ToList() ?? [];
}
