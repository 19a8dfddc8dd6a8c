using Aims.Identity.Contracts;
using Aims.Registration.Agencies;
using Aims.Registration.Claims;
using Aims.Registration.Clients;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
using Aims.Registration.Persistence;
using Aims.Registration.Providers;
using Microsoft.EntityFrameworkCore;

namespace Aims.Registration.Demo;

/// <summary>
/// Demo agencies, provider and client details for the demo accounts, with their claims verified (ADR 0029). Added once;
/// later starts find them.
/// </summary>
internal sealed class RegistrationDemoSeeder(RegistrationDbContext db, TimeProvider time) : IDemoDataSeeder
{
    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Agencies.AnyAsync(a => a.Id == DemoAccounts.ProviderAgencyId, cancellationToken))
        {
            await VerifyDemoClaimsAsync(cancellationToken);
            return [];
        }

        var now = time.GetUtcNow();
        db.Agencies.Add(new Agency
        {
            Id = DemoAccounts.ProviderAgencyId, Name = "Demo Provider Audit Contractor", Type = AgencyType.ProviderAgency,
            Street = "600 East Broad Street", City = "Richmond", State = "VA", Zip = "23219", CreatedAt = now,
        });
        db.Agencies.Add(new Agency
        {
            Id = DemoAccounts.ClientAgencyId, Name = "Demo County Department of Social Services", Type = AgencyType.ClientAgency,
            Street = "8600 Dixon Powers Drive", City = "Henrico", State = "VA", Zip = "23228", CreatedAt = now,
        });
        db.Coordinators.Add(new AgencyCoordinator
        {
            UserId = DemoAccounts.UserId(nameof(Role.AgencyCoordinator)), AgencyId = DemoAccounts.ProviderAgencyId,
            Name = $"Demo {Role.AgencyCoordinator}", Email = "agencycoordinator@demo.aims.example", ActivatedAt = now,
        });
        db.Providers.Add(new Provider
        {
            Id = DemoAccounts.ProviderId, Name = "Demo Community Health Clinic", Npi = "1234567893", MedicaidProviderId = "100012345",
            Street = "1 Capitol Square", City = "Richmond", State = "VA", Zip = "23219", ContactName = $"Demo {Role.ProviderUser}",
            ContactPhone = "8045550100", ContactEmail = "provideruser@demo.aims.example", InMcoNetwork = true, CreatedAt = now,
        });
        db.ProviderMembers.Add(Member(Role.ProviderUser, administrator: true, now));
        db.ProviderMembers.Add(Member(Role.ProviderRepresentative, administrator: false, now));
        db.ClientProfiles.Add(new ClientProfile
        {
            UserId = DemoAccounts.UserId(nameof(Role.ClientAppellant)), FullName = $"Demo {Role.ClientAppellant}", DateOfBirth = new DateOnly(1980, 4, 12),
            MedicaidId = "900000000001", Street = "10 Main Street", City = "Petersburg", State = "VA", Zip = "23803", Phone = "8045550111",
            CreatedAt = now, UpdatedAt = now,
        });
        db.ClientRepresentatives.Add(new ClientRepresentative
        {
            ClientUserId = DemoAccounts.UserId(nameof(Role.ClientAppellant)), RepresentativeUserId = DemoAccounts.UserId(nameof(Role.AuthorizedRepresentative)),
            Name = $"Demo {Role.AuthorizedRepresentative}", Email = "authorizedrepresentative@demo.aims.example", LinkedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await VerifyDemoClaimsAsync(cancellationToken);
        return [];
    }

    /// <summary>The demo claims, verified as a review would leave them; a pending one (migrated) is verified in place.</summary>
    private async Task VerifyDemoClaimsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var client = DemoAccounts.UserId(nameof(Role.ClientAppellant));
        foreach (var (kind, identifier, subject, claimant) in new[]
                 {
                     (ClaimKind.Npi, "1234567893", DemoAccounts.ProviderId, DemoAccounts.UserId(nameof(Role.ProviderUser))),
                     (ClaimKind.MedicaidId, "900000000001", client, client),
                 })
        {
            var claim = await db.IdentityClaims.SingleOrDefaultAsync(c => c.Kind == kind && c.SubjectId == subject && (c.Status == ClaimStatus.Pending || c.Status == ClaimStatus.Verified), cancellationToken);
            if (claim is null)
            {
                db.IdentityClaims.Add(new IdentityClaim
                {
                    Id = Guid.CreateVersion7(now), Kind = kind, Identifier = identifier, SubjectId = subject, ClaimantId = claimant,
                    Status = ClaimStatus.Verified, SubmittedAt = now, DecidedAt = now, Method = ClaimMethod.Review,
                });
            }
            else if (claim.Status == ClaimStatus.Pending)
            {
                (claim.Status, claim.DecidedAt, claim.Method) = (ClaimStatus.Verified, now, ClaimMethod.Review);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static ProviderMember Member(Role role, bool administrator, DateTimeOffset now) => new()
    {
        ProviderId = DemoAccounts.ProviderId, UserId = DemoAccounts.UserId(role.ToString()), Name = $"Demo {role}",
        Email = $"{role.ToString().ToLowerInvariant()}@demo.aims.example", IsAdministrator = administrator, JoinedAt = now,
    };
}
