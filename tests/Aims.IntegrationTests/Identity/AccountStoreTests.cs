using Aims.Identity.Accounts;
using Aims.Identity.Contracts;
using Aims.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Identity;

/// <summary>ASP.NET Core Identity's store in the identity schema, on the module conventions, against real PostgreSQL.</summary>
public sealed class AccountStoreTests
{
    private AimsAppFactory factory = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => factory = new AimsAppFactory(await TestDatabase.RecreateAsync("aims_test_accounts"));

    [OneTimeTearDown]
    public ValueTask StopAsync() => factory.DisposeAsync();

    [Test]
    public async Task An_account_is_created_with_a_role_and_read_back_by_email()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Every role exists from the migrations on (0006_roles.sql).
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>();
            var user = new AimsUser { UserName = "pat.lee@dmas.example", Email = "pat.lee@dmas.example", DisplayName = "Pat Lee", IsStaff = true };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, nameof(Role.CaseWorker))).Succeeded.ShouldBeTrue();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>();
            var found = await users.FindByEmailAsync("PAT.LEE@dmas.example");
            found.ShouldNotBeNull();
            found.DisplayName.ShouldBe("Pat Lee");
            found.IsStaff.ShouldBeTrue();
            (await users.GetRolesAsync(found)).ShouldBe([nameof(Role.CaseWorker)]);
        }
    }

    [Test]
    public async Task A_second_account_with_the_same_user_name_is_refused()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>();
        (await users.CreateAsync(new AimsUser { UserName = "sam@provider.example", Email = "sam@provider.example", DisplayName = "Sam" })).Succeeded.ShouldBeTrue();

        var second = await users.CreateAsync(new AimsUser { UserName = "sam@provider.example", Email = "sam@provider.example", DisplayName = "Sam again" });

        second.Succeeded.ShouldBeFalse();
        second.Errors.Select(e => e.Code).ShouldContain("DuplicateUserName");
    }

    [Test]
    public async Task Setting_a_password_applies_the_policy_with_its_messages()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AimsUser>>();
        var user = new AimsUser { UserName = "lee@provider.example", Email = "lee@provider.example", DisplayName = "Lee" };

        var common = await users.CreateAsync(user, "Password1234!");
        var accepted = await users.CreateAsync(user, "Quilt7~Harbor");

        common.Succeeded.ShouldBeFalse();
        common.Errors.Select(e => e.Description).ShouldContain("This password is too common or has appeared in data breaches. Choose a different one.");
        accepted.Succeeded.ShouldBeTrue();
        (await users.CheckPasswordAsync(user, "Quilt7~Harbor")).ShouldBeTrue();
    }
}
