using System.Security.Cryptography;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Notifications.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Claims;

/// <summary>
/// Every step of an identity claim (ADR 0029), each a security event and an email in the claimant's language. Access
/// reads the claim's status live, so a step takes effect on the next request.
/// </summary>
internal sealed class IdentityClaims(RegistrationDbContext db, IMediator mediator, IOutgoingMail mail, ClaimEmails emails, TimeProvider time)
{
    public const int CodeLifetimeMinutes = 40;

    public const int CodeAttempts = 5;

    public IQueryable<IdentityClaim> Verified(ClaimKind kind) => db.IdentityClaims.Where(c => c.Kind == kind && c.Status == ClaimStatus.Verified);

    /// <summary>True when someone else's profile holds a live (pending or verified) claim to the identifier.</summary>
    public Task<bool> HeldByAnotherAsync(ClaimKind kind, string identifier, Guid subjectId, CancellationToken cancellationToken) =>
        db.IdentityClaims.AnyAsync(c => c.Kind == kind && c.Identifier == identifier && c.SubjectId != subjectId
            && (c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Verified), cancellationToken);

    public Task<IdentityClaim?> LiveAsync(ClaimKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        db.IdentityClaims.SingleOrDefaultAsync(c => c.Kind == kind && c.SubjectId == subjectId
            && (c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Verified), cancellationToken);

    /// <summary>
    /// The claim a profile now stands on, for the claimant's own page: the live one if any, else the newest denied or
    /// revoked one. A replaced claim is never current (its replacement came with it, perhaps in the same instant).
    /// </summary>
    public Task<IdentityClaim?> LatestAsync(ClaimKind kind, Guid subjectId, CancellationToken cancellationToken) =>
        db.IdentityClaims.AsNoTracking().Where(c => c.Kind == kind && c.SubjectId == subjectId && c.Status != ClaimStatus.Replaced)
            .OrderByDescending(c => c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Verified)
            .ThenByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A client's new Medicaid ID: the live claim to the old one ends now, and the new one is verified at once when the
    /// member roster has that ID with the same name and date of birth, otherwise it waits for review.
    /// </summary>
    public async Task SubmitMemberAsync(Guid userId, string medicaidId, string fullName, DateOnly dateOfBirth, string? evidence, CancellationToken cancellationToken)
    {
        await ReplaceAsync(ClaimKind.MedicaidId, userId, cancellationToken);
        var claim = Add(ClaimKind.MedicaidId, medicaidId, userId, userId, evidence);
        await db.SaveChangesAsync(cancellationToken);
        var roster = await db.MemberRoster.AsNoTracking().SingleOrDefaultAsync(r => r.MedicaidId == medicaidId, cancellationToken);
        if (roster is not null && roster.Matches(fullName, dateOfBirth))
        {
            await VerifyAsync(claim, ClaimMethod.Roster, reviewer: null, cancellationToken);
            return;
        }

        await TellAsync(claim, null, "claimed; waiting for review", (to, what) => emails.Pending(to, what, StatusPath(claim)), cancellationToken);
    }

    /// <summary>A new provider profile's NPI, claimed by its creator; it waits for review or for the code sent to the enrolled email.</summary>
    public async Task SubmitProviderAsync(Provider provider, Guid claimantId, CancellationToken cancellationToken)
    {
        var claim = Add(ClaimKind.Npi, provider.Npi, provider.Id, claimantId, null);
        await db.SaveChangesAsync(cancellationToken);
        await TellAsync(claim, provider.Name, "claimed; waiting for review", (to, what) => emails.Pending(to, what, StatusPath(claim)), cancellationToken);
    }

    /// <summary>Verifies a pending claim once: of two reviewers (or a reviewer and a roster) the second gets a conflict.</summary>
    public async Task VerifyAsync(IdentityClaim claim, ClaimMethod method, Guid? reviewer, CancellationToken cancellationToken)
    {
        await DecideOnceAsync(claim, ClaimStatus.Pending, ClaimStatus.Verified, method, reviewer, null, cancellationToken);
        var how = method == ClaimMethod.Roster ? "verified from the roster" : $"verified by reviewer {reviewer}";
        await TellAsync(claim, await ProviderNameAsync(claim, cancellationToken), how, (to, what) => emails.Verified(to, what, StatusPath(claim)), cancellationToken);
    }

    public async Task DenyAsync(IdentityClaim claim, string reason, Guid reviewer, CancellationToken cancellationToken)
    {
        await DecideOnceAsync(claim, ClaimStatus.Pending, ClaimStatus.Denied, ClaimMethod.Review, reviewer, reason, cancellationToken);
        await TellAsync(claim, await ProviderNameAsync(claim, cancellationToken), $"denied by reviewer {reviewer}: {reason}", (to, what) => emails.Denied(to, what, reason), cancellationToken);
    }

    public async Task RevokeAsync(IdentityClaim claim, string reason, Guid reviewer, CancellationToken cancellationToken)
    {
        await DecideOnceAsync(claim, ClaimStatus.Verified, ClaimStatus.Revoked, ClaimMethod.Review, reviewer, reason, cancellationToken);
        await TellAsync(claim, await ProviderNameAsync(claim, cancellationToken), $"revoked by reviewer {reviewer}: {reason}", (to, what) => emails.Revoked(to, what, reason), cancellationToken);
    }

    /// <summary>Emails a fresh one-time code to the enrolled contact address the provider roster gives for the claim's NPI.</summary>
    public async Task SendCodeAsync(IdentityClaim claim, Provider provider, ProviderRosterEntry roster, CancellationToken cancellationToken)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        claim.CodeHash = LinkSecrets.Hash(code);
        claim.CodeExpiresAt = time.GetUtcNow().AddMinutes(CodeLifetimeMinutes);
        claim.CodeAttempts = 0;
        await db.SaveChangesAsync(cancellationToken);
        await mail.QueueAsync(emails.Code(roster.ContactEmail, provider.Name, provider.Npi, code, CodeLifetimeMinutes), cancellationToken);
        await mediator.Send(new RecordIdentityClaimEvent(claim.ClaimantId, $"NPI {claim.Identifier}: code sent to the enrolled email"), cancellationToken);
    }

    /// <summary>True (and the claim verified) when the code is the one sent, unexpired and within the attempts allowed.</summary>
    public async Task<bool> TryCodeAsync(IdentityClaim claim, string code, CancellationToken cancellationToken)
    {
        if (claim.CodeHash is null || claim.CodeExpiresAt <= time.GetUtcNow() || claim.CodeAttempts >= CodeAttempts)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(claim.CodeHash, LinkSecrets.Hash(code.Trim())))
        {
            claim.CodeAttempts++;
            await db.SaveChangesAsync(cancellationToken);
            await mediator.Send(new RecordIdentityClaimEvent(claim.ClaimantId, $"NPI {claim.Identifier}: wrong code entered"), cancellationToken);
            return false;
        }

        claim.CodeHash = null;
        claim.CodeExpiresAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await VerifyAsync(claim, ClaimMethod.Roster, reviewer: null, cancellationToken);
        return true;
    }

    /// <summary>
    /// Staff give a provider's administration to another account: it becomes the only administrator (and the claimant
    /// told of later steps); the previous administrators stop acting for the provider at once.
    /// </summary>
    public async Task TransferAsync(IdentityClaim claim, Provider provider, PersonContact to, Guid reviewer, CancellationToken cancellationToken)
    {
        var members = await db.ProviderMembers.Where(m => m.ProviderId == provider.Id).ToListAsync(cancellationToken);
        var previous = members.Where(m => m.IsAdministrator && m.UserId != to.UserId).ToList();
        var existing = members.SingleOrDefault(m => m.UserId == to.UserId);
        if (existing is { IsAdministrator: false })
        {
            // A membership's role is fixed once made; a colleague becoming administrator is a new membership.
            db.ProviderMembers.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
            existing = null;
        }

        db.ProviderMembers.RemoveRange(previous);
        if (existing is null)
        {
            db.ProviderMembers.Add(new ProviderMember
            {
                ProviderId = provider.Id, UserId = to.UserId, Name = to.Name, Email = to.Email, IsAdministrator = true, JoinedAt = time.GetUtcNow(),
            });
        }

        claim.ClaimantId = to.UserId;
        await db.SaveChangesAsync(cancellationToken);
        var detail = $"NPI {provider.Npi}: administration transferred by reviewer {reviewer} to {to.Email}";
        await mediator.Send(new RecordIdentityClaimEvent(to.UserId, detail), cancellationToken);
        await EmailAsync(to, () => emails.AdministrationGiven(to.Email, provider.Name, provider.Npi, $"/providers/{provider.Id}"), cancellationToken);
        foreach (var contact in await mediator.Send(new GetPersonContacts(previous.Select(p => p.UserId).ToList()), cancellationToken))
        {
            await mediator.Send(new RecordIdentityClaimEvent(contact.UserId, detail), cancellationToken);
            await EmailAsync(contact, () => emails.AdministrationTaken(contact.Email, provider.Name, provider.Npi), cancellationToken);
        }
    }

    public static string StatusPath(IdentityClaim claim) => claim.Kind == ClaimKind.MedicaidId ? "/client/profile" : $"/providers/{claim.SubjectId}";

    private IdentityClaim Add(ClaimKind kind, string identifier, Guid subjectId, Guid claimantId, string? evidence)
    {
        var now = time.GetUtcNow();
        return db.IdentityClaims.Add(new IdentityClaim
        {
            Id = Guid.CreateVersion7(now), Kind = kind, Identifier = identifier, SubjectId = subjectId, ClaimantId = claimantId,
            Status = ClaimStatus.Pending, Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(), SubmittedAt = now,
        }).Entity;
    }

    private async Task ReplaceAsync(ClaimKind kind, Guid subjectId, CancellationToken cancellationToken)
    {
        if (await LiveAsync(kind, subjectId, cancellationToken) is not { } live)
        {
            return;
        }

        live.Status = ClaimStatus.Replaced;
        live.DecidedAt = time.GetUtcNow();
        live.CodeHash = null;
        await db.SaveChangesAsync(cancellationToken);
        await TellAsync(live, null, "replaced by a new claim", (to, what) => emails.Replaced(to, what), cancellationToken);
    }

    private async Task DecideOnceAsync(
        IdentityClaim claim, ClaimStatus from, ClaimStatus to, ClaimMethod method, Guid? reviewer, string? reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var decided = await db.IdentityClaims.Where(c => c.Id == claim.Id && c.Status == from)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Status, to)
                .SetProperty(c => c.DecidedAt, now)
                .SetProperty(c => c.DecidedBy, reviewer)
                .SetProperty(c => c.Method, method)
                .SetProperty(c => c.Reason, reason), cancellationToken);
        if (decided == 0)
        {
            throw new ConcurrencyException("This claim was already decided or changed; the page now shows where it stands.");
        }

        claim.Status = to;
    }

    private async Task<string?> ProviderNameAsync(IdentityClaim claim, CancellationToken cancellationToken) => claim.Kind == ClaimKind.Npi
        ? await db.Providers.Where(p => p.Id == claim.SubjectId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
        : null;

    private async Task TellAsync(IdentityClaim claim, string? providerName, string step, Func<string, string, EmailMessage> email, CancellationToken cancellationToken)
    {
        var label = claim.Kind == ClaimKind.MedicaidId ? $"Medicaid ID ending {claim.Identifier[^4..]}" : $"NPI {claim.Identifier}";
        await mediator.Send(new RecordIdentityClaimEvent(claim.ClaimantId, $"{label}: {step}"), cancellationToken);
        if ((await mediator.Send(new GetPersonContacts([claim.ClaimantId]), cancellationToken)).SingleOrDefault() is { } claimant)
        {
            await EmailAsync(claimant, () => email(claimant.Email, emails.What(claim.Kind, claim.Identifier, providerName)), cancellationToken);
        }
    }

    private async Task EmailAsync(PersonContact person, Func<EmailMessage> compose, CancellationToken cancellationToken)
    {
        EmailMessage message;
        using (PortalLanguages.Use(PortalLanguages.Named(person.Language)))
        {
            message = compose();
        }

        await mail.QueueAsync(message, cancellationToken);
    }
}

/// <summary>Roster names compared as people type them: case, repeated spaces and punctuation set aside.</summary>
internal static class Rosters
{
    public static bool SameName(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string Normalize(string name) =>
        string.Join(' ', new string(name.Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
