using System.Buffers.Binary;
using Aims.Identity.Accounts;
using Aims.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aims.IntegrationTests.Identity;

/// <summary>Stored passwords use PBKDF2-HMAC-SHA512 at 210,000 iterations (docs/adr/0011); older hashes are upgraded at sign-in.</summary>
public sealed class PasswordHashingTests() : PortalTest("aims_test_password_hashing")
{
    [Test]
    public async Task A_new_password_is_stored_at_210000_iterations_of_hmac_sha512()
    {
        const string email = "hashed@agency.example";
        await CreateAccountAsync(email);

        var hash = Convert.FromBase64String((await AccountAsync(email)).PasswordHash!);

        hash[0].ShouldBe((byte)0x01); // Identity's V3 format
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)).ShouldBe(2u); // KeyDerivationPrf.HMACSHA512
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)).ShouldBe(210_000u);
    }

    [Test]
    public async Task A_hash_at_identitys_old_default_is_upgraded_when_its_owner_signs_in()
    {
        const string email = "upgraded@agency.example";
        await CreateAccountAsync(email);
        using (var scope = Portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.PasswordHash = new PasswordHasher<AimsUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(user, Password);
            (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        }

        using var browser = NewBrowser();
        (await browser.StartAsync(email, Password)).Location!.ShouldStartWith("/account/code");

        var hash = Convert.FromBase64String((await AccountAsync(email)).PasswordHash!);
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)).ShouldBe(210_000u);
    }
}
