using Aims.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Identity;

/// <summary>The data-protection key ring Identity keeps in the database: what one host protected, the next one reads.</summary>
public sealed class KeyRingTests
{
    [Test]
    public async Task A_value_protected_by_one_host_is_read_by_a_later_host_on_the_same_database()
    {
        var database = await TestDatabase.RecreateAsync("identity_key_ring");
        string protectedValue;
        await using (var first = new AimsAppFactory(database))
        {
            protectedValue = Protector(first).Protect("session for 804-486-2865");
        }

        await using var second = new AimsAppFactory(database);

        Protector(second).Unprotect(protectedValue).ShouldBe("session for 804-486-2865");
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var keys = dataSource.CreateCommand("SELECT count(*) FROM dataprotection.keys");
        ((long)(await keys.ExecuteScalarAsync())!).ShouldBe(1);
    }

    private static IDataProtector Protector(AimsAppFactory host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Aims.Tests.KeyRing");
}
