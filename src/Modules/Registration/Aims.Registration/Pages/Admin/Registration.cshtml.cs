using System.Security.Claims;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.BuildingBlocks.Time;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Agencies;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Admin;

/// <summary>
/// One access request under review: approve it into a new or an existing agency (similar names suggested), or deny
/// it with the reason the requester is told. A request is decided once; a reviewer who comes second is told so.
/// </summary>
internal sealed record ApproveAccessRequest(Guid RequestId, string? Agency, Guid ReviewerId) : ICommand<bool>;

internal sealed record DenyAccessRequest(Guid RequestId, string? Reason, Guid ReviewerId) : ICommand<bool>;

internal sealed class ApproveAccessRequestValidator : AbstractValidator<ApproveAccessRequest>
{
    public ApproveAccessRequestValidator()
    {
        RuleFor(c => c.Agency).NotEmpty().WithMessage("Choose whether to create a new agency or add the requester to an existing one.")
            .Must(choice => choice is null or RegistrationModel.NewAgency || Guid.TryParse(choice, out _)).WithMessage("Choose one of the listed agencies.");
    }
}

internal sealed class DenyAccessRequestValidator : AbstractValidator<DenyAccessRequest>
{
    public DenyAccessRequestValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason; the requester reads it in the email.")
            .MaximumLength(1000).WithMessage("Use at most 1,000 characters.");
    }
}

internal sealed class ApproveAccessRequestHandler(RegistrationDbContext db, IMessageBus bus, TimeProvider time) : IRequestHandler<ApproveAccessRequest, bool>
{
    public async Task<bool> Handle(ApproveAccessRequest command, CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
            ?? throw new NotFoundException("There is no such access request.");
        Agency agency;
        if (command.Agency == RegistrationModel.NewAgency)
        {
            agency = new Agency
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                Name = request.AgencyName,
                Type = request.AgencyType,
                Street = request.Street,
                City = request.City,
                State = request.State,
                Zip = request.Zip,
                CreatedAt = time.GetUtcNow(),
            };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync(cancellationToken);
            await bus.PublishAsync(new AgencyCreated(agency.Id, agency.Name, agency.Type), cancellationToken);
        }
        else
        {
            var id = Guid.Parse(command.Agency!);
            agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                ?? throw Invalid("That agency no longer exists; choose another.");
            if (agency.Type != request.AgencyType)
            {
                throw Invalid("That agency is of the other kind; choose one of the same kind as the request, or create a new one.");
            }
        }

        await Decide.OnceAsync(db, request.Id, AccessRequestStatus.Approved, command.ReviewerId, time.GetUtcNow(), agency.Id, null, cancellationToken);
        await ReviewReminders.CancelAsync(bus, request.Id, cancellationToken);
        await bus.PublishAsync(new AccessRequestApproved(request.Id, agency.Id, agency.Name, request.RequesterName, request.Email, request.Mobile, command.ReviewerId, request.Language), cancellationToken);
        return true;
    }

    private static ValidationException Invalid(string message) => new([new FluentValidation.Results.ValidationFailure(nameof(ApproveAccessRequest.Agency), message)]);
}

internal sealed class DenyAccessRequestHandler(RegistrationDbContext db, IMessageBus bus, IOutgoingMail mail, RegistrationEmails emails, TimeProvider time)
    : IRequestHandler<DenyAccessRequest, bool>
{
    public async Task<bool> Handle(DenyAccessRequest command, CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
            ?? throw new NotFoundException("There is no such access request.");
        var reason = command.Reason!.Trim();
        await Decide.OnceAsync(db, request.Id, AccessRequestStatus.Denied, command.ReviewerId, time.GetUtcNow(), null, reason, cancellationToken);
        await ReviewReminders.CancelAsync(bus, request.Id, cancellationToken);
        await mail.QueueAsync(emails.Denied(request.Email, request.AgencyName, reason, request.Language), cancellationToken);
        await bus.PublishAsync(new AccessRequestDenied(request.Id, request.Email, reason, command.ReviewerId), cancellationToken);
        return true;
    }
}

/// <summary>
/// The one decision a request gets: a conditional update, so of two reviewers deciding at once the second waits for
/// the first's row lock, then finds the request no longer pending and gets a conflict instead of a second account.
/// </summary>
internal static class Decide
{
    public static async Task OnceAsync(
        RegistrationDbContext db, Guid requestId, AccessRequestStatus status, Guid reviewer, DateTimeOffset now, Guid? agencyId, string? reason, CancellationToken cancellationToken)
    {
        var decided = await db.AccessRequests
            .Where(r => r.Id == requestId && r.Status == AccessRequestStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.DecidedBy, reviewer)
                .SetProperty(r => r.AgencyId, agencyId)
                .SetProperty(r => r.DenialReason, reason), cancellationToken);
        if (decided == 0)
        {
            throw new ConcurrencyException("This request was already decided by another reviewer; the page now shows that decision.");
        }
    }
}

[Authorize(Policy = nameof(Permission.ReviewAgencyRegistrations))]
internal sealed class RegistrationModel(IMediator mediator, RegistrationDbContext db, BusinessCalendar calendar) : PageModel
{
    public const string NewAgency = "new";

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
            .Prepend(new Choice(NewAgency, "A new agency: " + AccessRequest.AgencyName, "Created from this request's name and address."))
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
