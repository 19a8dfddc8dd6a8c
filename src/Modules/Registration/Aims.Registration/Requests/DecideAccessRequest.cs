using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Messaging;
using Aims.Notifications.Contracts;
using Aims.Registration.Agencies;
using Aims.Registration.Contracts;
using Aims.Registration.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Requests;

/// <summary>
/// One access request under review: approve it into a new or an existing agency (similar names suggested), or deny
/// it with the reason the requester is told. A request is decided once; a reviewer who comes second is told so.
/// </summary>
internal sealed record ApproveAccessRequest(Guid RequestId, string? Agency, Guid ReviewerId) : ICommand<bool>
{
    /// <summary>The agency choice that makes a new agency from the request's own name and address.</summary>
    public const string NewAgency = "new";
}

internal sealed record DenyAccessRequest(Guid RequestId, string? Reason, Guid ReviewerId) : ICommand<bool>;

internal sealed class ApproveAccessRequestValidator : AbstractValidator<ApproveAccessRequest>
{
    public ApproveAccessRequestValidator()
    {
        RuleFor(c => c.Agency).NotEmpty().WithMessage("Choose whether to create a new agency or add the requester to an existing one.")
            .Must(choice => choice is null or ApproveAccessRequest.NewAgency || Guid.TryParse(choice, out _)).WithMessage("Choose one of the listed agencies.");
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

internal sealed class ApproveAccessRequestHandler(RegistrationDbContext db, IOutbox bus, TimeProvider time) : IRequestHandler<ApproveAccessRequest, bool>
{
    public async Task<bool> Handle(ApproveAccessRequest command, CancellationToken cancellationToken)
    {
        var request = await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken)
            ?? throw new NotFoundException("There is no such access request.");
        Agency agency;
        if (command.Agency == ApproveAccessRequest.NewAgency)
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

internal sealed class DenyAccessRequestHandler(RegistrationDbContext db, IOutbox bus, IOutgoingMail mail, RegistrationEmails emails, TimeProvider time)
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
