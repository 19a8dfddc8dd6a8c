using System.Security.Claims;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Mediation;
using Aims.BuildingBlocks.Validation;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Claims;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using Aims.Registration.Providers;
using Aims.Registration.Requests;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Aims.Registration.Pages.Providers;

/// <summary>
/// A provider's profile, for the people who act for it (anyone else gets a 404, which reveals nothing). Its
/// administrators invite colleagues and representatives by email; an invitation is for that address only.
/// </summary>
internal sealed record InviteToProvider(Guid ProviderId, Guid InviterId, string InviterName, string? Email) : ICommand<bool>;

internal sealed class InviteToProviderValidator : AbstractValidator<InviteToProvider>
{
    public InviteToProviderValidator() => RuleFor(c => c.Email).InvitedEmail();
}

internal sealed class InviteToProviderHandler(RegistrationDbContext db, IOutgoingMail mail, RegistrationEmails emails, TimeProvider time) : IRequestHandler<InviteToProvider, bool>
{
    public async Task<bool> Handle(InviteToProvider command, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == command.ProviderId, cancellationToken);
        if (provider is null || !await db.ProviderMembers.AnyAsync(m => m.ProviderId == command.ProviderId && m.UserId == command.InviterId && m.IsAdministrator, cancellationToken))
        {
            throw new NotFoundException("There is no such provider among those you administer.");
        }

        var email = command.Email!.Trim();
        if (await db.ProviderMembers.AnyAsync(m => m.ProviderId == provider.Id && m.Email.ToUpper() == email.ToUpperInvariant(), cancellationToken))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(InviteToProvider.Email), "This person already acts for the provider.")]);
        }

        var now = time.GetUtcNow();
        var issued = Invitations.Issue(email, now);
        db.ProviderInvitations.Add(new ProviderInvitation
        {
            Id = Guid.CreateVersion7(now),
            ProviderId = provider.Id,
            Email = issued.Email,
            NormalizedEmail = issued.NormalizedEmail,
            TokenHash = issued.TokenHash,
            ExpiresAt = issued.ExpiresAt,
            InvitedBy = command.InviterId,
        });
        await db.SaveChangesAsync(cancellationToken);
        await mail.QueueAsync(emails.ProviderInvitation(issued.Email, command.InviterName, provider.Name, "/providers/join?token=" + issued.Token, issued.ExpiresAt), cancellationToken);
        return true;
    }
}

/// <summary>
/// An administrator removes someone from the provider: they stop seeing its appeals at once (Appeals reads memberships
/// live). The last administrator cannot be removed, so the provider always has someone to invite and edit.
/// </summary>
internal sealed record RemoveProviderMember(Guid ProviderId, Guid AdministratorId, Guid MemberId) : ICommand<string>;

internal sealed class RemoveProviderMemberHandler(RegistrationDbContext db) : IRequestHandler<RemoveProviderMember, string>
{
    public async Task<string> Handle(RemoveProviderMember command, CancellationToken cancellationToken)
    {
        var members = await db.ProviderMembers.Where(m => m.ProviderId == command.ProviderId).ToListAsync(cancellationToken);
        if (!members.Any(m => m.UserId == command.AdministratorId && m.IsAdministrator) || members.SingleOrDefault(m => m.UserId == command.MemberId) is not { } member)
        {
            throw new NotFoundException("There is no such person among those acting for a provider you administer.");
        }

        if (member.IsAdministrator && members.Count(m => m.IsAdministrator) == 1)
        {
            throw new RuleViolationException("{0} is the provider's only administrator and cannot be removed.", member.Name);
        }

        db.ProviderMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return member.Name;
    }
}

/// <summary>
/// An administrator of a provider whose NPI is on the imported provider roster asks for a one-time code at the contact
/// email the roster gives; entering it verifies the NPI claim (ADR 0029). Anyone else gets a 404.
/// </summary>
internal sealed record SendProviderCode(Guid ProviderId, Guid UserId) : ICommand<bool>;

internal sealed record ConfirmProviderCode(Guid ProviderId, Guid UserId, string? Code) : ICommand<bool>;

internal sealed class ConfirmProviderCodeValidator : AbstractValidator<ConfirmProviderCode>
{
    public ConfirmProviderCodeValidator() =>
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter the 6-digit code from the email.")
            .Matches("^\\s*[0-9]{6}\\s*$").WithMessage("Enter the 6 digits of the code, for example 042917.");
}

internal sealed class ProviderCodeHandlers(RegistrationDbContext db, IdentityClaims claims)
    : IRequestHandler<SendProviderCode, bool>, IRequestHandler<ConfirmProviderCode, bool>
{
    public async Task<bool> Handle(SendProviderCode command, CancellationToken cancellationToken)
    {
        var (provider, claim, roster) = await PendingAsync(command.ProviderId, command.UserId, cancellationToken);
        await claims.SendCodeAsync(claim, provider, roster, cancellationToken);
        return true;
    }

    public async Task<bool> Handle(ConfirmProviderCode command, CancellationToken cancellationToken)
    {
        // False (not an exception) for a wrong code, so the attempt counted and audited is committed, not rolled back.
        var (_, claim, _) = await PendingAsync(command.ProviderId, command.UserId, cancellationToken);
        return await claims.TryCodeAsync(claim, command.Code!, cancellationToken);
    }

    private async Task<(Provider Provider, IdentityClaim Claim, ProviderRosterEntry Roster)> PendingAsync(Guid providerId, Guid userId, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        var administers = await db.ProviderMembers.AnyAsync(m => m.ProviderId == providerId && m.UserId == userId && m.IsAdministrator, cancellationToken);
        var claim = await claims.LiveAsync(ClaimKind.Npi, providerId, cancellationToken);
        var roster = provider is null ? null : await db.ProviderRoster.AsNoTracking().SingleOrDefaultAsync(r => r.Npi == provider.Npi, cancellationToken);
        return provider is not null && administers && claim is { Status: ClaimStatus.Pending } && roster is not null
            ? (provider, claim, roster)
            : throw new NotFoundException("There is no such provider waiting for a code among those you administer.");
    }
}

[Authorize(Policy = nameof(Permission.FileProviderAppeals))]
internal sealed class ProviderModel(IMediator mediator, RegistrationDbContext db, IdentityClaims claims, IStringLocalizer<RegistrationText> t) : PageModel
{
    /// <summary>Where the provider's NPI claim stands.</summary>
    public IdentityClaim? Claim { get; private set; }

    /// <summary>The enrolled contact email the roster gives, shown masked, when a code can verify the claim.</summary>
    public string? CodeAddress { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public Provider Provider { get; private set; } = null!;

    public IReadOnlyList<ProviderMember> Members { get; private set; } = [];

    public bool IsAdministrator { get; private set; }

    public string? Refusal { get; private set; }

    public Guid Me => UserId;

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var name = User.FindFirstValue(AimsClaimTypes.DisplayName) ?? User.Identity!.Name!;
        if (await mediator.SendFormAsync(new InviteToProvider(Id, UserId, name, Email), ModelState, "", cancellationToken))
        {
            TempData["Notice"] = t["We emailed an invitation to {0}. It works for {1} days.", Email!.Trim(), Invitations.Lifetime.Days].Value;
            return RedirectToPage(new { id = Id });
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Send(new SendProviderCode(Id, UserId), cancellationToken);
            TempData["Notice"] = t["We emailed a code to the provider's enrolled address. It works for {0} minutes.", IdentityClaims.CodeLifetimeMinutes].Value;
            return RedirectToPage(new { id = Id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await mediator.SendFormAsync(new ConfirmProviderCode(Id, UserId, Code), ModelState, "", cancellationToken))
            {
                TempData["Notice"] = t["The NPI is verified. You now see the provider's appeals."].Value;
                return RedirectToPage(new { id = Id });
            }

            if (ModelState.IsValid)
            {
                ModelState.AddModelError(nameof(Code), "This code is wrong or has expired. Ask for a new code and enter the newest one.");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid member, CancellationToken cancellationToken)
    {
        try
        {
            var name = await mediator.Send(new RemoveProviderMember(Id, UserId, member), cancellationToken);
            TempData["Notice"] = t["{0} no longer acts for this provider.", name].Value;
            return RedirectToPage(new { id = Id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (RuleViolationException refused)
        {
            Refusal = refused.On(HttpContext);
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Members = await db.ProviderMembers.AsNoTracking().Where(m => m.ProviderId == Id).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var me = Members.SingleOrDefault(m => m.UserId == UserId);
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (me is null || provider is null)
        {
            return false;
        }

        Provider = provider;
        IsAdministrator = me.IsAdministrator;
        Claim = await claims.LatestAsync(ClaimKind.Npi, Id, cancellationToken);
        if (IsAdministrator && Claim is { Status: ClaimStatus.Pending }
            && await db.ProviderRoster.AsNoTracking().SingleOrDefaultAsync(r => r.Npi == provider.Npi, cancellationToken) is { } roster)
        {
            CodeAddress = Mask(roster.ContactEmail);
        }

        return true;
    }

    // Enough for the claimant to recognise their organization's address, not enough to learn it.
    private static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }
}
