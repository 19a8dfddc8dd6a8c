using System.Net;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Registration;

/// <summary>A client appellant's details: every field checked beside it, one profile per Medicaid ID, editable later.</summary>
public sealed class ClientProfileTests() : RegistrationTest("aims_test_client_profiles")
{
    [Test]
    public async Task A_client_saves_their_details_and_sees_them_again()
    {
        const string email = "maria@family.example";
        await CreateAccountAsync(email, Role.ClientAppellant);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var saved = await browser.PostAsync("/client/profile", ClientProfileFields("123456789012"));

        saved.Location.ShouldBe("/client/profile");
        var page = await browser.GetAsync("/client/profile");
        page.Html.ShouldContain("value=\"123456789012\"");
        page.Html.ShouldContain("value=\"04/27/1961\"");
        var fields = ClientProfileFields("123456789012");
        fields["Form.City"] = "Norfolk";
        (await browser.PostAsync("/client/profile", fields)).Location.ShouldBe("/client/profile");
        (await ScalarAsync("SELECT city FROM registration.client_profiles WHERE medicaid_id = @p", "123456789012")).ShouldBe("Norfolk");
    }

    [TestCase("Form.MedicaidId", "12345678901", "Enter the 12-digit Medicaid ID (digits only).")]
    [TestCase("Form.MedicaidId", "1234-5678-9012", "Enter the 12-digit Medicaid ID (digits only).")]
    [TestCase("Form.DateOfBirth", "27/04/1961", "Enter your date of birth like 04/27/1961.")]
    [TestCase("Form.DateOfBirth", "12/01/2026", "Enter a date of birth in the past.")]
    [TestCase("Form.Zip", "ABCDE", "Enter a 5-digit ZIP code or ZIP+4 (for example 23219 or 23219-1234).")]
    [TestCase("Form.Phone", "555-0100", "Enter a 10-digit US phone number, for example 804-486-2865.")]
    public async Task Each_bad_field_gets_its_message_and_nothing_is_saved(string field, string value, string message)
    {
        var email = $"client.{Guid.NewGuid():N}@family.example";
        await CreateAccountAsync(email, Role.ClientAppellant);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        var fields = ClientProfileFields("999999999999");
        fields[field] = value;

        var answer = await browser.PostAsync("/client/profile", fields);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain(message);
        answer.Html.ShouldContain($"id=\"{field.Replace('.', '_')}-error\"");
        (await ScalarAsync("SELECT count(*) FROM registration.client_profiles WHERE medicaid_id = @p", "999999999999")).ShouldBe(0L);
    }

    [Test]
    public async Task A_medicaid_id_already_on_another_account_is_refused()
    {
        await CreateAccountAsync("first.member@family.example", Role.ClientAppellant);
        await CreateAccountAsync("second.member@family.example", Role.ClientAppellant);
        using var first = NewBrowser();
        await first.SignInAsync(ConnectionString, "first.member@family.example", Password);
        await first.PostAsync("/client/profile", ClientProfileFields("555566667777"));
        using var second = NewBrowser();
        await second.SignInAsync(ConnectionString, "second.member@family.example", Password);

        (await second.PostAsync("/client/profile", ClientProfileFields("555566667777"))).Text.ShouldContain("This Medicaid ID is already on another AIMS account.");
    }

    [Test]
    public async Task Providers_do_not_have_a_client_profile()
    {
        const string email = "not.a.client@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        (await browser.GetAsync("/client/profile")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
