using System.Security.Claims;
using Aims.Appeals.Contracts;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Clients;
using Aims.Registration.Persistence;
using Aims.Registration.Requests;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Pages.Client;

/// <summary>
/// A client invites an authorized representative (emailed, 7 days, that address, once), who then acts on the client's
/// appeals until unlinked, with effect at once.
/// </summary>
internal sealed record InviteRepresentative(Guid ClientUserId, string? Email) : ICommand<bool>;

internal sealed class InviteRepresentativeValidator : AbstractValidator<InviteRepresentative>
{
    public InviteRepresentativeValidator() => RuleFor(c => c.Email).InvitedEmail();
}

internal sealed class InviteRepresentativeHandler(RegistrationDbContext db, IOutgoingMail mail, RegistrationEmails emails, IMediator mediator, TimeProvider time)
    : IRequestHandler<InviteRepresentative, bool>
{
    public async Task<bool> Handle(InviteRepresentative command, CancellationToken cancellationToken)
    {
        var client = await db.ClientProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == command.ClientUserId, cancellationToken)
            ?? throw new RuleViolationException("Fill in your details first: your representative acts on appeals under your Medicaid ID.");
        var email = command.Email!.Trim();
        if (await db.ClientRepresentatives.AnyAsync(r => r.ClientUserId == client.UserId && r.Email.ToUpper() == email.ToUpperInvariant(), cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(InviteRepresentative.Email), "This person already represents you.")]);
        }

        var now = time.GetUtcNow();
        var issued = Invitations.Issue(email, now);
        db.ClientRepresentativeInvitations.Add(new ClientRepresentativeInvitation
        {
            Id = Guid.CreateVersion7(now),
            ClientUserId = client.UserId,
            Email = issued.Email,
            NormalizedEmail = issued.NormalizedEmail,
            TokenHash = issued.TokenHash,
            ExpiresAt = issued.ExpiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        var proofDays = (await mediator.Send(new GetFilingRules(), cancellationToken)).AuthorityProofDays;
        await mail.QueueAsync(
            emails.RepresentativeInvitation(issued.Email, client.FullName, "/client/representatives/join?token=" + issued.Token, issued.ExpiresAt, proofDays), cancellationToken);
        return true;
    }
}

internal sealed record UnlinkRepresentative(Guid ClientUserId, Guid RepresentativeUserId) : ICommand<bool>;

internal sealed class UnlinkRepresentativeHandler(RegistrationDbContext db) : IRequestHandler<UnlinkRepresentative, bool>
{
    public async Task<bool> Handle(UnlinkRepresentative command, CancellationToken cancellationToken) =>
        await db.ClientRepresentatives.Where(r => r.ClientUserId == command.ClientUserId && r.RepresentativeUserId == command.RepresentativeUserId)
            .ExecuteDeleteAsync(cancellationToken) == 1;
}

[Authorize(Roles = nameof(Role.ClientAppellant))]
internal sealed class RepresentativesModel(IMediator mediator, RegistrationDbContext db, TimeProvider time, IStringLocalizer<RegistrationText> t) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public IReadOnlyList<ClientRepresentative> Linked { get; private set; } = [];

    public IReadOnlyList<ClientRepresentativeInvitation> Pending { get; private set; } = [];

    public bool HasProfile { get; private set; }

    public string? Refusal { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await mediator.SendFormAsync(new InviteRepresentative(UserId, Email), ModelState, "", cancellationToken))
            {
                TempData["Notice"] = t["We emailed an invitation to {0}. It works for {1} days.", Email!.Trim(), Invitations.Lifetime.Days].Value;
                return RedirectToPage();
            }
        }
        catch (RuleViolationException refused)
        {
            Refusal = refused.On(HttpContext);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid representative, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new UnlinkRepresentative(UserId, representative), cancellationToken))
        {
            TempData["Notice"] = "Your representative no longer sees or acts on your appeals.";
        }

        return RedirectToPage();
    }

    /// <summary>Days a representative has to prove authority, as the Appeals rules count them.</summary>
    public int AuthorityProofDays { get; private set; }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        AuthorityProofDays = (await mediator.Send(new GetFilingRules(), cancellationToken)).AuthorityProofDays;
        HasProfile = await db.ClientProfiles.AnyAsync(p => p.UserId == UserId, cancellationToken);
        Linked = await db.ClientRepresentatives.AsNoTracking().Where(r => r.ClientUserId == UserId).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Pending = await db.ClientRepresentativeInvitations.AsNoTracking()
            .Where(i => i.ClientUserId == UserId && i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email).ToListAsync(cancellationToken);
    }
}
