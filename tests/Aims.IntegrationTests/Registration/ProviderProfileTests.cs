using System.Net;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Registration;

/// <summary>
/// Provider profiles: NPI with its check digit, one profile per NPI, the creator administers it and invites
/// colleagues and representatives by email; only members see it; a representative may act for several providers.
/// </summary>
public sealed partial class ProviderProfileTests() : RegistrationTest("aims_test_provider_profiles")
{
    [Test]
    public async Task The_first_user_creates_the_profile_administers_it_and_a_colleague_joins_by_invitation()
    {
        const string owner = "owner@blueridgeclinic.example";
        const string colleague = "billing@blueridgeclinic.example";
        await CreateAccountAsync(owner);
        await CreateAccountAsync(colleague);
        using var ownerBrowser = NewBrowser();
        await ownerBrowser.SignInAsync(ConnectionString, owner, Password);

        var created = await ownerBrowser.PostAsync("/providers/new", ProviderFields("1234567893"));

        created.Location!.ShouldStartWith("/providers/");
        var page = await ownerBrowser.GetAsync(created.Location!);
        page.Text.ShouldContain("Blue Ridge Family Clinic");
        page.Text.ShouldContain("administrator");
        var invited = await ownerBrowser.PostAsync(created.Location!, new Dictionary<string, string?> { ["Email"] = colleague }, created.Location + "?handler=Invite");
        invited.Location.ShouldBe(created.Location);
        (await ownerBrowser.GetAsync(created.Location!)).Text.ShouldContain($"We emailed an invitation to {colleague}. It works for 7 days.");

        var link = new Uri(JoinLink().Match((await EmailsToAsync(colleague)).Single().TextBody).Value);
        using var colleagueBrowser = NewBrowser();
        await colleagueBrowser.SignInAsync(ConnectionString, colleague, Password);
        (await colleagueBrowser.GetAsync(created.Location!)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await colleagueBrowser.GetAsync(link.PathAndQuery)).Text.ShouldContain("You were invited to act for Blue Ridge Family Clinic");
        (await colleagueBrowser.PostAsync(link.PathAndQuery, new Dictionary<string, string?> { ["Token"] = Token(link) })).Location.ShouldBe("/providers");
        (await colleagueBrowser.GetAsync("/providers")).Text.ShouldContain("Blue Ridge Family Clinic (NPI 1234567893)");
        (await colleagueBrowser.GetAsync(created.Location!)).Status.ShouldBe(HttpStatusCode.OK);
        (await colleagueBrowser.GetAsync(link.PathAndQuery)).Text.ShouldContain("This invitation does not work");
    }

    [Test]
    public async Task On_a_Spanish_page_the_invitation_notice_is_in_Spanish()
    {
        const string owner = "duena@clinicaesperanza.example";
        await CreateAccountAsync(owner);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, owner, Password);
        var created = await browser.PostAsync("/providers/new", ProviderFields("1902803745"));
        await browser.ChooseLanguageAsync("es");

        await browser.PostAsync(created.Location!, new Dictionary<string, string?> { ["Email"] = "caja@clinicaesperanza.example" }, created.Location + "?handler=Invite");

        (await browser.GetAsync(created.Location!)).Text.ShouldContain("Enviamos una invitación por correo electrónico a caja@clinicaesperanza.example. Es válida por 7 días.");
    }

    [TestCase("1234567890", "Enter the 10-digit NPI exactly as issued; this one fails the NPI check digit.")]
    [TestCase("123456789", "Enter the 10-digit NPI exactly as issued; this one fails the NPI check digit.")]
    [TestCase("", "Enter the provider's 10-digit NPI.")]
    public async Task An_npi_that_fails_the_check_digit_is_refused_beside_the_field(string npi, string message)
    {
        var email = $"npi.{Guid.NewGuid():N}@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var answer = await browser.PostAsync("/providers/new", ProviderFields(npi));

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain(message);
        answer.Html.ShouldContain("id=\"Form_Npi-error\"");
        (await ScalarAsync("SELECT count(*) FROM registration.providers WHERE npi = @p", npi)).ShouldBe(0L);
    }

    [Test]
    public async Task A_second_profile_for_the_same_npi_is_refused_with_a_pointer_to_the_administrator()
    {
        const string first = "first@sameclinic.example";
        const string second = "second@sameclinic.example";
        await CreateAccountAsync(first);
        await CreateAccountAsync(second);
        using var one = NewBrowser();
        await one.SignInAsync(ConnectionString, first, Password);
        (await one.PostAsync("/providers/new", ProviderFields("1497758544"))).Location!.ShouldStartWith("/providers/");
        using var two = NewBrowser();
        await two.SignInAsync(ConnectionString, second, Password);

        var again = await two.PostAsync("/providers/new", ProviderFields("1497758544"));

        again.Text.ShouldContain("A provider with this NPI already has a profile. Ask its administrator to invite you.");
    }

    [Test]
    public async Task A_representative_acts_for_several_providers_each_by_its_own_invitation()
    {
        const string representative = "rep@billingservice.example";
        await CreateAccountAsync(representative, Role.ProviderRepresentative);
        using var rep = NewBrowser();
        await rep.SignInAsync(ConnectionString, representative, Password);
        foreach (var (owner, npi, name) in new[] { ("a@clinic-a.example", "1245319599", "Clinic A"), ("b@clinic-b.example", "1679576722", "Clinic B") })
        {
            await CreateAccountAsync(owner);
            using var ownerBrowser = NewBrowser();
            await ownerBrowser.SignInAsync(ConnectionString, owner, Password);
            var fields = ProviderFields(npi);
            fields["Form.Name"] = name;
            var created = await ownerBrowser.PostAsync("/providers/new", fields);
            await ownerBrowser.PostAsync(created.Location!, new Dictionary<string, string?> { ["Email"] = representative }, created.Location + "?handler=Invite");
            var link = new Uri(JoinLink().Match((await EmailsToAsync(representative)).Last().TextBody).Value);
            await rep.PostAsync(link.PathAndQuery, new Dictionary<string, string?> { ["Token"] = Token(link) });
        }

        var providers = await rep.GetAsync("/providers");

        providers.Text.ShouldContain("Clinic A (NPI 1245319599)");
        providers.Text.ShouldContain("Clinic B (NPI 1679576722)");
    }

    [Test]
    public async Task An_invitation_is_only_for_its_address_and_only_for_7_days()
    {
        const string owner = "owner@sevendays.example";
        const string invitee = "invitee@sevendays.example";
        const string stranger = "stranger@elsewhere.example";
        await CreateAccountAsync(owner);
        await CreateAccountAsync(invitee);
        await CreateAccountAsync(stranger);
        using var ownerBrowser = NewBrowser();
        await ownerBrowser.SignInAsync(ConnectionString, owner, Password);
        var created = await ownerBrowser.PostAsync("/providers/new", ProviderFields("1003000126"));
        await ownerBrowser.PostAsync(created.Location!, new Dictionary<string, string?> { ["Email"] = invitee }, created.Location + "?handler=Invite");
        var link = new Uri(JoinLink().Match((await EmailsToAsync(invitee)).Single().TextBody).Value);

        using var strangerBrowser = NewBrowser();
        await strangerBrowser.SignInAsync(ConnectionString, stranger, Password);
        (await strangerBrowser.PostAsync(link.PathAndQuery, new Dictionary<string, string?> { ["Token"] = Token(link) })).Text.ShouldContain("This invitation is for another email address.");

        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        using var inviteeBrowser = NewBrowser();
        await inviteeBrowser.SignInAsync(ConnectionString, invitee, Password);
        (await inviteeBrowser.GetAsync(link.PathAndQuery)).Text.ShouldContain("This invitation has expired");
    }

    [Test]
    public async Task Only_an_administrator_invites_and_clients_cannot_open_provider_pages()
    {
        const string client = "member@family.example";
        await CreateAccountAsync(client, Role.ClientAppellant);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, client, Password);

        (await browser.GetAsync("/providers/new")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/providers")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static Dictionary<string, string?> ProviderFields(string npi) => ProviderForm.Fields(npi, "office@blueridgeclinic.example", inMcoNetwork: true);

    private static string Token(Uri link) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].ToString();

    [GeneratedRegex(@"https?://\S+/providers/join\?token=\S+")]
    private static partial Regex JoinLink();
}
