using System.Security.Cryptography;
using System.Text;

namespace Aims.BuildingBlocks.Seeding;

/// <summary>
/// Fixed ids for the demo data, so each module's seeder can refer to what another seeded (the provider user's
/// account, the demo agency) without asking it, and seeding again finds the same records.
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
