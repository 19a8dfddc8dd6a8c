using System.Security.Cryptography;
using System.Text;

namespace Aims.Identity.Contracts;

/// <summary>
/// Fixed ids for the local portal's demo data, so each module's seeder can refer to what another seeded (the provider
/// user's account, the demo agency) without asking it, and seeding again finds the same records.
/// </summary>
public static class DemoAccounts
{
    public static Guid UserId(string role) => Id("user:" + role);

    public static Guid ProviderAgencyId { get; } = Id("agency:provider");

    public static Guid ClientAgencyId { get; } = Id("agency:client");

    public static Guid ProviderId { get; } = Id("provider");

    private static Guid Id(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("aims-demo:" + name));
        return new Guid(hash.AsSpan(0, 16));
    }
}

/// <summary>A module's demo data for the local portal (never production): idempotent, since the host seeds on every start.</summary>
public interface IDemoDataSeeder
{
    /// <summary>Returns the sign-ins the host prints for a newcomer.</summary>
    Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken);
}

public sealed record DemoSignIn(string Role, string Email, string Password);
