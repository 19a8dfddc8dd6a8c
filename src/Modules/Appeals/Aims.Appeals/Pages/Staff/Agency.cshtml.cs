using Aims.Appeals.Cases;
using Aims.Appeals.Contracts;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.WorkIntakeQueue))]
internal sealed class AgencyModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public string? AgencyId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ChangeAppealAgency(Actor, id, SeenVersion, AgencyId, Reason), cancellationToken);

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken) => Agencies = await Mediator.Send(
        new ListAgencies(Appeal.Kind == AppealKind.Client ? AgencyType.ClientAgency : AgencyType.ProviderAgency), cancellationToken);
}
