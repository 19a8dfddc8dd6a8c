using System.Security.Claims;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Agencies;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

[Authorize(Policy = nameof(Permission.ReviewAgencyRegistrations))]
internal sealed class RegistrationModel(IMediator mediator, RegistrationDbContext db, BusinessCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Agency { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public AccessRequest AccessRequest { get; private set; } = null!;

    public int Age { get; private set; }

    public string? DecidedAgencyName { get; private set; }

    /// <summary>Existing agencies of the request's kind, similar names first.</summary>
    public IReadOnlyList<(Agency Agency, bool Similar)> Agencies { get; private set; } = [];

    public string? Conflict { get; private set; }

    public ChoiceField AgencyChoice => new(
        nameof(Agency),
        "The requester becomes a coordinator of",
        Agencies.Select(a => new Choice(a.Agency.Id.ToString(), a.Agency.Name, $"{(a.Similar ? "Similar name. " : "")}{a.Agency.City}, {a.Agency.State}"))
            .Prepend(new Choice(ApproveAccessRequest.NewAgency, "A new agency: " + AccessRequest.AgencyName, "Created from this request's name and address."))
            .ToList(),
        Agency);

    private Guid ReviewerId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DecideAsync(new ApproveAccessRequest(Id, Agency, ReviewerId), "Approved. The coordinator's account is being created and the activation link emailed.", cancellationToken);

    public Task<IActionResult> OnPostDenyAsync(CancellationToken cancellationToken) =>
        DecideAsync(new DenyAccessRequest(Id, Reason, ReviewerId), "Denied. The requester was emailed the reason.", cancellationToken);

    private async Task<IActionResult> DecideAsync(ICommand<bool> decision, string notice, CancellationToken cancellationToken)
    {
        try
        {
            if (await mediator.SendFormAsync(decision, ModelState, "", cancellationToken))
            {
                TempData["Notice"] = notice;
                return RedirectToPage("/Admin/Registrations");
            }
        }
        catch (ConcurrencyException conflict)
        {
            Conflict = conflict.Message;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (request is null)
        {
            return false;
        }

        AccessRequest = request;
        Age = RegistrationsModel.AgeInBusinessDays(calendar, request.SubmittedAt, calendar.Today());
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Type == request.AgencyType).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        Agencies = agencies.Select(a => (a, AgencyNames.AreSimilar(a.Name, request.AgencyName))).OrderByDescending(a => a.Item2).ToList();
        DecidedAgencyName = agencies.FirstOrDefault(a => a.Id == request.AgencyId)?.Name;
        return true;
    }
}
