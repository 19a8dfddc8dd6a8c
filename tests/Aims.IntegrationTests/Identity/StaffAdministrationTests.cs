using System.Net;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// Staff accounts are made and reset by appeals administrators: agency domain only, a 24-hour temporary password by
/// email, the second factor still required, then a forced change. Everyone's security events are theirs to read.
/// </summary>
public sealed partial class StaffAdministrationTests() : PortalTest("aims_test_staff_admin")
{
    private const string Administrator = "admin.one@dmas.virginia.gov";

    [OneTimeSetUp]
    public Task CreateAdministratorAsync() => CreateAccountAsync(Administrator, Role.AppealsAdministrator, staff: true);

    [Test]
    public async Task A_new_staff_member_signs_in_with_the_emailed_temporary_password_a_code_then_chooses_a_password()
    {
        const string staffEmail = "new.caseworker@dmas.virginia.gov";
        using var admin = await AdministratorAsync();

        var created = await admin.PostAsync("/admin/staff", new Dictionary<string, string?>
        {
            ["Form.DisplayName"] = "Pat Caseworker", ["Form.Email"] = staffEmail, ["Form.Role"] = nameof(Role.CaseWorker),
        }, "/admin/staff?handler=Create");

        created.Location.ShouldBe("/admin/staff");
        (await admin.GetAsync("/admin/staff")).Text.ShouldContain("Pat Caseworker");
        var temporary = TemporaryPassword().Match((await EmailsToAsync(staffEmail)).Single(e => e.Subject == "Your AIMS staff account").TextBody).Groups[1].Value;
        using var staff = NewBrowser();
        (await staff.SignInAsync(ConnectionString, staffEmail, temporary, staff: true)).Location.ShouldBe("/account/change-password");
        (await staff.GetAsync("/account/profile")).Location.ShouldBe("/account/change-password");
        var changed = await staff.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = temporary, ["Form.NewPassword"] = "Granite-Harbor-Lamp-73!", ["Form.ConfirmPassword"] = "Granite-Harbor-Lamp-73!",
        });
        changed.Location.ShouldBe("/");
        (await staff.GetAsync("/account/profile")).Text.ShouldContain("CaseWorker");
    }

    [Test]
    public async Task The_temporary_password_expires_after_24_hours()
    {
        const string staffEmail = "late.starter@dmas.virginia.gov";
        using var admin = await AdministratorAsync();
        await admin.PostAsync("/admin/staff", new Dictionary<string, string?>
        {
            ["Form.DisplayName"] = "Lee Late", ["Form.Email"] = staffEmail, ["Form.Role"] = nameof(Role.HearingOfficer),
        }, "/admin/staff?handler=Create");
        var temporary = TemporaryPassword().Match((await EmailsToAsync(staffEmail)).Single().TextBody).Groups[1].Value;

        Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        using var staff = NewBrowser();

        (await staff.StartAsync(staffEmail, temporary, staff: true)).Text.ShouldContain("The email address or password is not right.");
    }

    [TestCase("Sam Outside", "sam@gmail.example", nameof(Role.CaseWorker), "Staff accounts use an agency address (…@dmas.virginia.gov).")]
    [TestCase("Sam Provider", "sam.provider@dmas.virginia.gov", nameof(Role.ProviderUser), "Choose one of the staff roles.")]
    [TestCase("", "sam.blank@dmas.virginia.gov", nameof(Role.CaseWorker), "Enter the person's full name.")]
    [TestCase("Sam Noroll", "sam.norole@dmas.virginia.gov", "", "Choose the person's role.")]
    [TestCase("Sam Again", Administrator, nameof(Role.CaseWorker), "An account with this email address already exists.")]
    public async Task Bad_staff_details_get_a_message_beside_the_field_and_no_account(string name, string email, string role, string message)
    {
        using var admin = await AdministratorAsync();

        var answer = await admin.PostAsync("/admin/staff", new Dictionary<string, string?>
        {
            ["Form.DisplayName"] = name, ["Form.Email"] = email, ["Form.Role"] = role,
        }, "/admin/staff?handler=Create");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain(message);
        if (email != Administrator)
        {
            (await AccountAsync(email)).ShouldBeNull();
        }
    }

    [Test]
    public async Task A_reset_ends_the_old_password_and_every_session_and_emails_a_temporary_one()
    {
        const string staffEmail = "forgetful@dmas.virginia.gov";
        var staffId = await CreateAccountAsync(staffEmail, Role.InformalAppealsAgent, staff: true);
        using var staff = NewBrowser();
        await staff.SignInAsync(ConnectionString, staffEmail, Password, staff: true);
        using var admin = await AdministratorAsync();

        var reset = await admin.PostAsync("/admin/staff", new Dictionary<string, string?> { ["id"] = staffId.ToString() }, "/admin/staff?handler=Reset");

        reset.Location.ShouldBe("/admin/staff");
        (await staff.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
        using var again = NewBrowser();
        (await again.StartAsync(staffEmail, Password, staff: true)).Text.ShouldContain("The email address or password is not right.");
        var temporary = TemporaryPassword().Match((await EmailsToAsync(staffEmail)).Single(e => e.Subject == "Your AIMS password was reset by an administrator").TextBody).Groups[1].Value;
        using var fresh = NewBrowser();
        (await fresh.SignInAsync(ConnectionString, staffEmail, temporary, staff: true)).Location.ShouldBe("/account/change-password");
    }

    [Test]
    public async Task An_administrator_cannot_reset_their_own_password_or_an_external_account()
    {
        using var admin = await AdministratorAsync();
        var self = (await AccountAsync(Administrator)).Id;
        var external = await CreateAccountAsync("provider.reset@clinic.example");

        (await admin.PostAsync("/admin/staff", new Dictionary<string, string?> { ["id"] = self.ToString() }, "/admin/staff?handler=Reset")).Status.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync("/admin/staff", new Dictionary<string, string?> { ["id"] = external.ToString() }, "/admin/staff?handler=Reset")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [TestCase(Role.CaseWorker, true)]
    [TestCase(Role.ProviderUser, false)]
    public async Task Only_appeals_administrators_open_the_administration_pages(Role role, bool staff)
    {
        var email = $"{role}.{Guid.NewGuid():N}@{(staff ? "dmas.virginia.gov" : "clinic.example")}";
        await CreateAccountAsync(email, role, staff);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password, staff);

        (await browser.GetAsync("/admin/staff")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/admin/security-events")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/account/profile")).Html.ShouldNotContain("/admin/staff");
    }

    [Test]
    public async Task Administrators_read_everyones_security_events_newest_first_and_by_address()
    {
        const string email = "watched@clinic.example";
        await CreateAccountAsync(email);
        using (var someone = NewBrowser())
        {
            await someone.StartAsync(email, "Wrong-Password-99!");
            Clock.Advance(TimeSpan.FromMinutes(1));
            await someone.SignInAsync(ConnectionString, email, Password);
        }

        using var admin = await AdministratorAsync();
        var events = await admin.GetAsync("/admin/security-events?Email=" + Uri.EscapeDataString(email));

        events.Status.ShouldBe(HttpStatusCode.OK);
        var text = events.Text;
        text.ShouldContain("SignInFailed");
        text.IndexOf("SignInSucceeded", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("SignInFailed", StringComparison.Ordinal));
        text.ShouldNotContain(Administrator);
    }

    private async Task<FormClient> AdministratorAsync()
    {
        var admin = NewBrowser();
        await admin.SignInAsync(ConnectionString, Administrator, Password, staff: true);
        return admin;
    }

    [GeneratedRegex(@"temporary password:\s+(\S+)")]
    private static partial Regex TemporaryPassword();
}
