using Aims.Appeals.Cases;
using Aims.Appeals.Model;
using Aims.Appeals.Pages.Staff;
using Aims.Identity.Contracts;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aims.Appeals.Pages.Agency;

[Authorize(Policy = nameof(Permission.FileCaseSummaries))]
internal sealed class AttendeesModel(IMediator mediator) : CaseActionPage(mediator)
{
    [BindProperty]
    public List<AttendeeRow> Rows { get; set; } = [];

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ChangeAttendees(Actor, id, SeenVersion, Rows), cancellationToken);

    protected override Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        if (Rows.Count == 0)
        {
            Rows = Appeal.Attendees.Select(a => new AttendeeRow { Name = a.Name, Email = a.Email }).ToList();
        }

        while (Rows.Count < Math.Min(ChangeAttendees.MaxRows, Appeal.Attendees.Count + 3))
        {
            Rows.Add(new AttendeeRow());
        }

        return Task.CompletedTask;
    }
}
