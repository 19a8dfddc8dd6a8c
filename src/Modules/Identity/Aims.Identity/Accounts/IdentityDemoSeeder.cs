using Aims.Identity.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Accounts;

/// <summary>
/// One confirmed demo account per role, one password; fixed ids (<see cref="DemoAccounts"/>) so the other modules' demo
/// data can name them. The provider account has a verified demo mobile for text codes.
/// </summary>
internal sealed class IdentityDemoSeeder(UserManager<AimsUser> users, TimeProvider time, IOptions<StaffOptions> staff) : IDemoDataSeeder
{
    public const string Password = "Appeals-Demo-Portal!7";

    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken cancellationToken)
    {
        var signIns = new List<DemoSignIn>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var staffAccount = AccessTable.IsStaff(role);
            var email = staffAccount ? $"{Slug(role)}.demo@{staff.Value.EmailDomain}" : $"{Slug(role)}@demo.aims.example";
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AimsUser
                {
                    Id = DemoAccounts.UserId(role.ToString()),
                    // The demo coordinator acts for the demo provider agency, which Registration's demo data creates.
                    AgencyId = role == Role.AgencyCoordinator ? DemoAccounts.ProviderAgencyId : null,
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = $"Demo {role}",
                    IsStaff = staffAccount,
                    CreatedAt = time.GetUtcNow(),
                    PhoneNumber = role == Role.ProviderUser ? "+18045550100" : null,
                    PhoneNumberConfirmed = role == Role.ProviderUser,
                };
                (await users.CreateAsync(user, Password)).Require("Demo account not created");
                (await users.AddToRoleAsync(user, role.ToString())).Require("Demo role not given");
            }

            signIns.Add(new DemoSignIn(role.ToString(), email, Password));
        }

        return signIns;
    }

    private static string Slug(Role role) => role.ToString().ToLowerInvariant();
}
