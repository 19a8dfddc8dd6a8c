using Aims.Appeals.Cases;
using Aims.Appeals.Model;
using Aims.Appeals.Viewing;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Staff;

[Authorize(Policy = nameof(Permission.WorkIntakeQueue))]
internal sealed class AssignModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public CaseRole? Role { get; set; }

    [BindProperty]
    public Guid? AssigneeId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<Choice> Roles { get; private set; } = [];

    public IReadOnlyList<Choice> People { get; private set; } = [];

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new AssignCase(Actor, id, SeenVersion, Role, AssigneeId, Reason), cancellationToken);

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var roles = new[] { CaseRole.CaseWorker, Appeal.Kind == Contracts.AppealKind.ProviderInformal ? CaseRole.InformalAppealsAgent : CaseRole.HearingOfficer };
        Roles = roles.Select(r => new Choice(r.ToString(), AppealLabels.Role(r), Appeal.Assignees.TryGetValue(r, out var now) ? $"Now: {now.Name}" : "Not assigned")).ToList();
        Role ??= roles[0];
        var people = await Mediator.Send(new GetPeopleWith(CaseStaff.PermissionFor(Role.Value)), cancellationToken);
        People = people.Select(p => new Choice(p.UserId.ToString(), p.Name)).ToList();
    }
}
