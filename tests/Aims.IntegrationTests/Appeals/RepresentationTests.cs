using System.Net;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// A client's authorized representative, invited by email (7 days, that address, once), sees and acts on the client's
/// appeals until unlinked, at once. Today is Monday 11/23/2026.
/// </summary>
public sealed partial class RepresentationTests() : AppealsTest("aims_test_representation")
{
    [Test]
    public async Task A_linked_representative_sees_and_withdraws_the_clients_appeals_until_unlinked()
    {
        using var client = await ClientAsync("maria.link@example.com", "710000000001", "Maria Lopez");
        using var representative = await SignedInAsync("advocate.link@legalaid.example", Role.AuthorizedRepresentative);
        var own = await FileAsync(client, "/appeals/file/client", ClientFields("11/16/2026"));
        (await representative.GetAsync($"/appeals/{own}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var invited = await client.PostAsync("/client/representatives", new Dictionary<string, string?> { ["Email"] = "Advocate.Link@legalaid.example" }, "/client/representatives?handler=Invite");
        invited.Location.ShouldBe("/client/representatives", invited.Text);
        var page = await client.GetAsync("/client/representatives");
        page.Text.ShouldContain("Invitation sent to Advocate.Link@legalaid.example, waiting for them to accept (works until 11/30/2026).");
        var email = (await EmailsToAsync("Advocate.Link@legalaid.example")).Single(e => e.Subject == "Maria Lopez asks you to represent them in AIMS");
        var link = JoinLink().Match(email.TextBody).Value;

        (await representative.GetAsync(link)).Text.ShouldContain("Maria Lopez asks you to be their authorized representative");
        var accepted = await representative.PostAsync(link, new Dictionary<string, string?> { ["Token"] = link.Split("token=")[1] });
        accepted.Location.ShouldBe("/appeals", accepted.Text);
        (await client.GetAsync("/client/representatives")).Text.ShouldContain("Test AuthorizedRepresentative (advocate.link@legalaid.example), since 11/23/2026");

        (await representative.GetAsync("/appeals")).Text.ShouldContain("Maria Lopez");
        var detail = await representative.GetAsync($"/appeals/{own}");
        detail.Status.ShouldBe(HttpStatusCode.OK);
        detail.Html.ShouldContain($"/appeals/{own}/withdraw");

        var fields = RepresentativeFields("AuthorizedRepresentative", "Maria Lopez", "710000000001");
        var filedForHer = await FileAsync(representative, "/appeals/file/client", fields);
        (await client.GetAsync("/appeals")).Text.ShouldContain(CaseNumberOf((await client.GetAsync($"/appeals/{filedForHer}")).Text));

        var unlinked = await client.PostAsync("/client/representatives", [new("representative", (await UserIdAsync("advocate.link@legalaid.example")).ToString())], "/client/representatives?handler=Unlink");
        unlinked.Location.ShouldBe("/client/representatives");
        (await representative.GetAsync($"/appeals/{own}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await representative.GetAsync("/appeals")).Text.ShouldNotContain(CaseNumberOf((await client.GetAsync($"/appeals/{own}")).Text));
        // The appeal the representative filed still lists them on it, as the filer.
        (await representative.GetAsync($"/appeals/{filedForHer}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task An_invitation_works_for_its_address_for_7_days_and_once()
    {
        using var client = await ClientAsync("ana.invite@example.com", "710000000002", "Ana Ruiz");
        await client.PostAsync("/client/representatives", new Dictionary<string, string?> { ["Email"] = "rep.invite@legalaid.example" }, "/client/representatives?handler=Invite");
        var link = JoinLink().Match((await EmailsToAsync("rep.invite@legalaid.example")).Single(e => e.Subject.Contains("asks you to represent")).TextBody).Value;
        using var other = await SignedInAsync("other.rep@legalaid.example", Role.AuthorizedRepresentative);
        using var invitee = await SignedInAsync("rep.invite@legalaid.example", Role.AuthorizedRepresentative);

        (await other.GetAsync(link)).Text.ShouldContain("This invitation is for another email address.");
        (await other.PostAsync(link, new Dictionary<string, string?> { ["Token"] = link.Split("token=")[1] })).Text.ShouldContain("This invitation is for another email address.");
        (await invitee.GetAsync("/client/representatives/join?token=made-up")).Text.ShouldContain("This invitation does not work");

        Clock.SetUtcNow(Start.AddDays(7));
        using var late = NewBrowser();
        await late.SignInAsync(ConnectionString, "rep.invite@legalaid.example", Password);
        (await late.GetAsync(link)).Text.ShouldContain("This invitation has expired (they work for 7 days).");
        (await CountAsync("SELECT count(*) FROM registration.client_representatives WHERE client_user_id = @p", await UserIdAsync("ana.invite@example.com"))).ShouldBe(0L);
    }

    [Test]
    public async Task A_client_without_details_a_bad_address_or_a_second_invitation_to_their_representative_is_told_why()
    {
        using var bare = await SignedInAsync("no.profile@example.com", Role.ClientAppellant);
        (await bare.GetAsync("/client/representatives")).Text.ShouldContain("Fill in your details first");
        (await bare.PostAsync("/client/representatives", new Dictionary<string, string?> { ["Email"] = "rep@example.com" }, "/client/representatives?handler=Invite"))
            .Text.ShouldContain("Fill in your details first: your representative acts on appeals under your Medicaid ID.");

        using var client = await ClientAsync("lena.bad@example.com", "710000000003", "Lena Ortiz");
        var bad = await client.PostAsync("/client/representatives", new Dictionary<string, string?> { ["Email"] = "not-an-address" }, "/client/representatives?handler=Invite");
        bad.Status.ShouldBe(HttpStatusCode.OK);
        bad.Text.ShouldContain("Enter an email address like name@example.com.");
        (await CountAsync("SELECT count(*) FROM registration.client_representative_invitations WHERE client_user_id = @p", await UserIdAsync("lena.bad@example.com"))).ShouldBe(0L);

        using var representative = await SignedInAsync("rep.twice@legalaid.example", Role.AuthorizedRepresentative);
        await client.PostAsync("/client/representatives", new Dictionary<string, string?> { ["Email"] = "rep.twice@legalaid.example" }, "/client/representatives?handler=Invite");
        var link = JoinLink().Match((await EmailsToAsync("rep.twice@legalaid.example")).Single(e => e.Subject.Contains("asks you to represent")).TextBody).Value;
        await representative.PostAsync(link, new Dictionary<string, string?> { ["Token"] = link.Split("token=")[1] });
        var again = await client.PostAsync("/client/representatives", new Dictionary<string, string?> { ["Email"] = "REP.TWICE@legalaid.example" }, "/client/representatives?handler=Invite");
        again.Text.ShouldContain("This person already represents you.");
        (await representative.PostAsync(link, new Dictionary<string, string?> { ["Token"] = link.Split("token=")[1] })).Text.ShouldContain("This invitation does not work");
    }

    private static string CaseNumberOf(string text) => CaseNumber().Match(text).Value;

    [GeneratedRegex(@"/client/representatives/join\?token=[A-Za-z0-9_-]+")]
    private static partial Regex JoinLink();
}
