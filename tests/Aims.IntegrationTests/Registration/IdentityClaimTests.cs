using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.IntegrationTests.Appeals;
using Aims.Testing;

namespace Aims.IntegrationTests.Registration;

/// <summary>
/// Issue 21: a typed Medicaid ID or NPI is a claim reaching no appeal until verified or matched by a roster (ADR 0029);
/// each test starts from the attack as reported or the step that undoes it. Today is Monday 11/23/2026.
/// </summary>
public sealed partial class IdentityClaimTests() : AppealsTest("aims_test_identity_claims")
{
    [Test]
    public async Task A_client_who_types_a_represented_members_medicaid_id_gets_404_and_cannot_withdraw()
    {
        using var advocate = await SignedInAsync("advocate.attack@legalaid.example", Role.AuthorizedRepresentative);
        var appeal = await FileAsync(advocate, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "Maria Lopez", "810000000001"));
        using var attacker = await SignedInAsync("attacker.client@example.com", Role.ClientAppellant);
        (await attacker.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var saved = await attacker.PostAsync("/client/profile", ClientProfileFields("810000000001", "Mallory Smith"));

        saved.Location.ShouldBe("/client/profile", saved.Text);
        (await attacker.GetAsync("/client/profile")).Text.ShouldContain("Medicaid ID waiting for verification");
        (await attacker.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await attacker.GetAsync("/appeals")).Text.ShouldNotContain("Maria Lopez");
        var token = (await attacker.GetAsync("/client/profile")).AntiforgeryToken;
        (await attacker.PostWithTokenAsync($"/appeals/{appeal}/withdraw", new Dictionary<string, string?> { ["SeenVersion"] = "1" }, token)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await attacker.GetAsync($"/appeals/{appeal}/withdraw")).Status.ShouldBe(HttpStatusCode.NotFound);
        // Still open: the representative can still withdraw it.
        (await advocate.GetAsync($"/appeals/{appeal}")).Html.ShouldContain($"/appeals/{appeal}/withdraw");
        (await EmailsToAsync("attacker.client@example.com")).ShouldContain(e => e.Subject == "We are checking the Medicaid ID ending in 0001");
        (await CountAsync("SELECT count(*) FROM identity.security_events WHERE kind = 'IdentityClaim' AND normalized_email = 'ATTACKER.CLIENT@EXAMPLE.COM' AND detail = 'Medicaid ID ending 0001: claimed; waiting for review'")).ShouldBe(1L);

        // Changing it again to another member's ID is a new claim, no better than the first.
        var appeal2 = await FileAsync(advocate, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "Robert Hale", "810000000002"));
        (await attacker.PostAsync("/client/profile", ClientProfileFields("810000000002", "Mallory Smith"))).Location.ShouldBe("/client/profile");
        (await attacker.GetAsync($"/appeals/{appeal2}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_first_account_to_type_an_npi_administers_nothing_until_staff_give_the_provider_to_its_real_user()
    {
        // The attacker types the clinic's NPI first; the clinic's real user is told to ask "the administrator" and is invited.
        using var attacker = await SignedInAsync("first.typist@attacker.example", Role.ProviderUser);
        var created = await attacker.PostAsync("/providers/new", ProviderFields("1811111115"));
        var providerPath = created.Location!;
        var providerId = Guid.Parse(providerPath["/providers/".Length..]);
        using var real = await SignedInAsync("office@realclinic.example", Role.ProviderUser);
        (await real.PostAsync("/providers/new", ProviderFields("1811111115"))).Text.ShouldContain("A provider with this NPI already has a profile.");
        await ExecuteAsync("INSERT INTO registration.provider_members VALUES (@provider, @user, 'Real Office', 'office@realclinic.example', false, now())",
            new() { ["provider"] = providerId, ["user"] = await UserIdAsync("office@realclinic.example") });
        (await attacker.GetAsync(providerPath)).Text.ShouldContain("NPI waiting for verification");
        (await real.GetAsync("/providers")).Text.ShouldContain("NPI not verified");
        (await real.GetAsync("/appeals/file/informal")).Text.ShouldNotContain("Blue Ridge Family Clinic");

        using var admin = await AdministratorAsync();
        var claimId = (Guid)(await ScalarAsync("SELECT id FROM registration.identity_claims WHERE subject_id = @p", providerId))!;
        (await admin.GetAsync("/admin/claims")).Text.ShouldContain("1811111115");
        var review = await admin.GetAsync($"/admin/claims/{claimId}");
        review.Text.ShouldContain("first.typist@attacker.example");
        review.Text.ShouldContain("This NPI is not on the imported roster.");
        var unknown = await admin.PostAsync($"/admin/claims/{claimId}", new Dictionary<string, string?> { ["Email"] = "nobody@nowhere.example" }, $"/admin/claims/{claimId}?handler=Transfer");
        unknown.Text.ShouldContain("No active provider account uses this address.");
        var transferred = await admin.PostAsync($"/admin/claims/{claimId}", new Dictionary<string, string?> { ["Email"] = "office@realclinic.example" }, $"/admin/claims/{claimId}?handler=Transfer");
        transferred.Location.ShouldBe($"/admin/claims/{claimId}", transferred.Text);
        (await admin.PostAsync($"/admin/claims/{claimId}", [], $"/admin/claims/{claimId}?handler=Approve")).Location.ShouldBe($"/admin/claims/{claimId}");

        (await attacker.GetAsync(providerPath)).Status.ShouldBe(HttpStatusCode.NotFound);
        var appeal = await FileAsync(real, "/appeals/file/informal", InformalFields(providerId, "11/02/2026"));
        (await attacker.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = (await attacker.GetAsync("/providers")).AntiforgeryToken ?? (await attacker.GetAsync("/providers/new")).AntiforgeryToken;
        (await attacker.PostWithTokenAsync($"/appeals/{appeal}/withdraw", new Dictionary<string, string?> { ["SeenVersion"] = "1" }, token)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await real.GetAsync($"/appeals/{appeal}")).Html.ShouldContain($"/appeals/{appeal}/withdraw");
        (await real.GetAsync(providerPath)).Text.ShouldContain("administrator");
        (await EmailsToAsync("office@realclinic.example")).ShouldContain(e => e.Subject == "You now administer Blue Ridge Family Clinic in AIMS");
        (await EmailsToAsync("office@realclinic.example")).ShouldContain(e => e.Subject == "Verified in AIMS: NPI 1811111115 (Blue Ridge Family Clinic)");
        (await EmailsToAsync("first.typist@attacker.example")).ShouldContain(e => e.Subject == "You no longer act for Blue Ridge Family Clinic in AIMS");
        (await CountAsync("SELECT count(*) FROM identity.security_events WHERE kind = 'IdentityClaim' AND detail LIKE 'NPI 1811111115: administration transferred%'")).ShouldBe(2L);
    }

    [Test]
    public async Task A_second_account_typing_a_verified_npi_is_refused_and_its_appeals_stay_404()
    {
        var (owner, providerId) = await ProviderAsync("owner.verified@clinic.example");
        var appeal = await FileAsync(owner, "/appeals/file/informal", InformalFields(providerId, "11/02/2026"));
        var npi = (string)(await ScalarAsync("SELECT npi FROM registration.providers WHERE id = @p", providerId))!;
        using var attacker = await SignedInAsync("copycat@attacker.example", Role.ProviderUser);

        (await attacker.PostAsync("/providers/new", ProviderFields(npi))).Text.ShouldContain("A provider with this NPI already has a profile.");

        (await attacker.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_member_whose_id_name_and_date_of_birth_match_the_roster_is_verified_at_once()
    {
        using var admin = await AdministratorAsync();
        var imported = await UploadAsync(admin, "Members", "medicaid_id,full_name,date_of_birth\n820000000001,María López,1961-04-27\n820000000002,Ann Hale,04/27/1961\n");
        imported.Location.ShouldBe("/admin/rosters", imported.Text);
        using var advocate = await SignedInAsync("advocate.roster@legalaid.example", Role.AuthorizedRepresentative);
        var appeal = await FileAsync(advocate, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "María López", "820000000001"));

        using var member = await SignedInAsync("maria.roster@example.com", Role.ClientAppellant);
        (await member.PostAsync("/client/profile", ClientProfileFields("820000000001", "maría  LÓPEZ"))).Location.ShouldBe("/client/profile");

        (await member.GetAsync("/client/profile")).Text.ShouldContain("Medicaid ID verified");
        (await member.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.OK);
        (await EmailsToAsync("maria.roster@example.com")).ShouldContain(e => e.Subject == "Verified in AIMS: the Medicaid ID ending in 0001");

        // The same ID with another date of birth (ClientProfileFields gives 04/27/1961; the roster says so too) but another name waits.
        using var other = await SignedInAsync("ann.other@example.com", Role.ClientAppellant);
        (await other.PostAsync("/client/profile", ClientProfileFields("820000000002", "Anne Hale"))).Location.ShouldBe("/client/profile");
        (await other.GetAsync("/client/profile")).Text.ShouldContain("Medicaid ID waiting for verification");

        // A claim waiting when the roster arrives is verified by the import.
        using var late = await SignedInAsync("late.member@example.com", Role.ClientAppellant);
        (await late.PostAsync("/client/profile", ClientProfileFields("820000000003", "Lee Park"))).Location.ShouldBe("/client/profile");
        (await UploadAsync(admin, "Members", "medicaid_id,full_name,date_of_birth\n820000000003,Lee Park,1961-04-27\n")).Location.ShouldBe("/admin/rosters");
        (await late.GetAsync("/client/profile")).Text.ShouldContain("Medicaid ID verified");
    }

    [Test]
    public async Task A_provider_on_the_roster_is_verified_by_the_code_sent_to_its_enrolled_email()
    {
        using var admin = await AdministratorAsync();
        (await UploadAsync(admin, "Providers", "npi,name,contact_email\n1922222223,Valley Dental,billing@valleydental.example\n")).Location.ShouldBe("/admin/rosters");
        using var owner = await SignedInAsync("new.admin@valleydental.example", Role.ProviderUser);
        var fields = ProviderFields("1922222223");
        fields["Form.Name"] = "Valley Dental";
        var path = (await owner.PostAsync("/providers/new", fields)).Location!;
        var page = await owner.GetAsync(path);
        page.Text.ShouldContain("The provider's Medicaid enrolment gives the contact address b***@valleydental.example.");

        (await owner.PostAsync(path, [], path + "?handler=SendCode")).Location.ShouldBe(path);
        var code = Regex.Match((await EmailsToAsync("billing@valleydental.example")).Single().TextBody, @"\b\d{6}\b").Value;
        var wrong = await owner.PostAsync(path, new Dictionary<string, string?> { ["Code"] = code == "000000" ? "111111" : "000000" }, path + "?handler=Code");
        wrong.Text.ShouldContain("This code is wrong or has expired. Ask for a new code and enter the newest one.");
        (await owner.PostAsync(path, new Dictionary<string, string?> { ["Code"] = "12ab" }, path + "?handler=Code")).Text.ShouldContain("Enter the 6 digits of the code, for example 042917.");
        (await CountAsync("SELECT count(*) FROM registration.identity_claims WHERE identifier = '1922222223' AND status = 'Verified'")).ShouldBe(0L);
        var right = await owner.PostAsync(path, new Dictionary<string, string?> { ["Code"] = code }, path + "?handler=Code");

        right.Location.ShouldBe(path, right.Text);
        (await owner.GetAsync(path)).Text.ShouldContain("NPI verified");
        (await owner.GetAsync("/providers")).Text.ShouldNotContain("NPI not verified");
        (await CountAsync("SELECT count(*) FROM identity.security_events WHERE detail = 'NPI 1922222223: wrong code entered'")).ShouldBe(1L);
    }

    [Test]
    public async Task The_review_queue_denies_with_a_reason_and_approves()
    {
        using var advocate = await SignedInAsync("advocate.queue@legalaid.example", Role.AuthorizedRepresentative);
        var appeal = await FileAsync(advocate, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "Rosa Diaz", "830000000001"));
        using var claimant = await SignedInAsync("rosa.queue@example.com", Role.ClientAppellant);
        var fields = ClientProfileFields("830000000001", "Rosa Diaz");
        fields["Form.Evidence"] = "Letter from Henrico DSS dated 10/30/2026, case 55-1234.";
        (await claimant.PostAsync("/client/profile", fields)).Location.ShouldBe("/client/profile");
        var claimId = (Guid)(await ScalarAsync("SELECT id FROM registration.identity_claims WHERE identifier = @p", "830000000001"))!;
        using var admin = await AdministratorAsync();

        var review = await admin.GetAsync($"/admin/claims/{claimId}");
        review.Text.ShouldContain("Letter from Henrico DSS dated 10/30/2026, case 55-1234.");
        review.Text.ShouldContain("rosa.queue@example.com");
        review.Text.ShouldContain("This Medicaid ID is not on the imported roster.");
        var noReason = await admin.PostAsync($"/admin/claims/{claimId}", new Dictionary<string, string?> { ["Reason"] = "" }, $"/admin/claims/{claimId}?handler=Deny");
        noReason.Text.ShouldContain("Give the reason; the claimant reads it in the email.");
        (await ScalarAsync("SELECT status FROM registration.identity_claims WHERE id = @p", claimId)).ShouldBe("Pending");
        var denied = await admin.PostAsync($"/admin/claims/{claimId}", new Dictionary<string, string?> { ["Reason"] = "The DSS case 55-1234 is another person's." }, $"/admin/claims/{claimId}?handler=Deny");
        denied.Location.ShouldBe($"/admin/claims/{claimId}", denied.Text);

        (await claimant.GetAsync("/client/profile")).Text.ShouldContain("Reason: The DSS case 55-1234 is another person's.");
        (await claimant.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await EmailsToAsync("rosa.queue@example.com")).Single(e => e.Subject == "Not verified: the Medicaid ID ending in 0001").TextBody.ShouldContain("The DSS case 55-1234 is another person's.");
        (await admin.PostAsync($"/admin/claims/{claimId}", [], $"/admin/claims/{claimId}?handler=Approve")).Text.ShouldContain("This claim was already decided or changed");

        // The member themselves claims it; a denied claim no longer blocks the ID. Approval shows them the appeal.
        using var member = await SignedInAsync("rosa.real@example.com", Role.ClientAppellant);
        (await member.PostAsync("/client/profile", ClientProfileFields("830000000001", "Rosa Diaz"))).Location.ShouldBe("/client/profile");
        var second = (Guid)(await ScalarAsync("SELECT id FROM registration.identity_claims WHERE identifier = @p AND status = 'Pending'", "830000000001"))!;
        (await admin.GetAsync("/admin/claims")).Html.ShouldContain($"/admin/claims/{second}");
        (await admin.PostAsync($"/admin/claims/{second}", [], $"/admin/claims/{second}?handler=Approve")).Location.ShouldBe($"/admin/claims/{second}");
        (await member.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/admin/claims")).Html.ShouldNotContain($"/admin/claims/{second}");
    }

    [Test]
    public async Task Changing_a_verified_medicaid_id_ends_access_under_the_old_one_at_once()
    {
        using var advocate = await SignedInAsync("advocate.change@legalaid.example", Role.AuthorizedRepresentative);
        var appeal = await FileAsync(advocate, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "Maria Lopez", "840000000001"));
        using var client = await ClientAsync("maria.change@example.com", "840000000001");
        (await client.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/client/profile", ClientProfileFields("840000000002"))).Location.ShouldBe("/client/profile");

        (await client.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/client/profile")).Text.ShouldContain("Medicaid ID waiting for verification");
        (await EmailsToAsync("maria.change@example.com")).ShouldContain(e => e.Subject == "Changed in AIMS: the Medicaid ID ending in 0001");
        // Saving the profile again without changing the ID keeps the claim as it is.
        (await client.PostAsync("/client/profile", ClientProfileFields("840000000002"))).Location.ShouldBe("/client/profile");
        (await CountAsync("SELECT count(*) FROM registration.identity_claims WHERE identifier = '840000000002'")).ShouldBe(1L);
    }

    [Test]
    public async Task Revoking_a_verified_claim_ends_access_for_the_client_and_their_linked_representative()
    {
        using var filer = await SignedInAsync("advocate.revoke@legalaid.example", Role.AuthorizedRepresentative);
        var appeal = await FileAsync(filer, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "Maria Lopez", "850000000001"));
        using var client = await ClientAsync("maria.revoke@example.com", "850000000001");
        using var linked = await SignedInAsync("linked.revoke@legalaid.example", Role.AuthorizedRepresentative);
        await ExecuteAsync("INSERT INTO registration.client_representatives VALUES (@client, @rep, 'Linked Rep', 'linked.revoke@legalaid.example', now())",
            new() { ["client"] = await UserIdAsync("maria.revoke@example.com"), ["rep"] = await UserIdAsync("linked.revoke@legalaid.example") });
        (await client.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.OK);
        (await linked.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.OK);
        var claimId = (Guid)(await ScalarAsync("SELECT id FROM registration.identity_claims WHERE identifier = @p", "850000000001"))!;
        using var admin = await AdministratorAsync();

        var revoked = await admin.PostAsync($"/admin/claims/{claimId}", new Dictionary<string, string?> { ["Reason"] = "The member reported the account is not theirs." }, $"/admin/claims/{claimId}?handler=Revoke");

        revoked.Location.ShouldBe($"/admin/claims/{claimId}", revoked.Text);
        (await client.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await linked.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await filer.GetAsync($"/appeals/{appeal}")).Status.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/client/profile")).Text.ShouldContain("Medicaid ID no longer verified");
        (await EmailsToAsync("maria.revoke@example.com")).ShouldContain(e => e.Subject == "No longer verified: the Medicaid ID ending in 0001");
        (await CountAsync("SELECT count(*) FROM identity.security_events WHERE detail LIKE 'Medicaid ID ending 0001: revoked by reviewer %: The member reported the account is not theirs.'")).ShouldBe(1L);
    }

    [Test]
    public async Task A_bad_roster_names_every_bad_line_and_imports_nothing()
    {
        using var admin = await AdministratorAsync();

        var refused = await UploadAsync(admin, "Members",
            "medicaid_id,full_name,date_of_birth\n860000000001,Good Row,1961-04-27\n86000000000X,Bad Id,1961-04-27\n860000000003,,13/45/1961\n860000000001,Twice,1961-04-27\n860000000005,Too,Many,Values\n");

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain("Line 3: the Medicaid ID must be 12 digits.");
        refused.Text.ShouldContain("Line 4: the full name must be 1 to 200 characters; the date of birth must be a past date like 1961-04-27 or 04/27/1961.");
        refused.Text.ShouldContain("Line 5: 860000000001 is already on line 2.");
        refused.Text.ShouldContain("Line 6: expected 3 values, found 4.");
        (await CountAsync("SELECT count(*) FROM registration.member_roster WHERE medicaid_id LIKE '86%'")).ShouldBe(0L);
        (await UploadAsync(admin, "Members", "id,name,dob\n860000000001,Good Row,1961-04-27\n")).Text.ShouldContain("Line 1: the header must be exactly medicaid_id,full_name,date_of_birth.");
        (await UploadAsync(admin, "Providers", "npi,name,contact_email\n1234567890,Bad Check Digit,office@clinic.example\n1245319599,Clinic,not-an-email\n"))
            .Text.ShouldContain("Line 2: the NPI must be 10 digits with a valid check digit.");
        (await CountAsync("SELECT count(*) FROM registration.provider_roster")).ShouldBe(0L);
    }

    [Test]
    public async Task Only_appeals_administrators_open_the_queue_and_the_rosters()
    {
        using var client = await SignedInAsync("curious.client@example.com", Role.ClientAppellant);

        (await client.GetAsync("/admin/claims")).Status.ShouldNotBe(HttpStatusCode.OK);
        (await client.GetAsync("/admin/rosters")).Status.ShouldNotBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_spanish_reader_sees_the_claim_status_and_gets_the_emails_in_spanish()
    {
        using var client = await SignedInAsync("lucia.es@example.com", Role.ClientAppellant);
        await client.ChooseLanguageAsync("es");

        (await client.PostAsync("/client/profile", ClientProfileFields("870000000001", "Lucía Gómez"))).Location.ShouldBe("/client/profile");

        (await client.GetAsync("/client/profile")).Text.ShouldContain("Número de Medicaid en espera de verificación");
        (await EmailsToAsync("lucia.es@example.com")).ShouldContain(e => e.Subject == "Estamos verificando el número de Medicaid que termina en 0001");
        var claimId = (Guid)(await ScalarAsync("SELECT id FROM registration.identity_claims WHERE identifier = @p", "870000000001"))!;
        using var admin = await AdministratorAsync();
        await admin.PostAsync($"/admin/claims/{claimId}", new Dictionary<string, string?> { ["Reason"] = "No coincide con nuestros registros." }, $"/admin/claims/{claimId}?handler=Deny");
        (await EmailsToAsync("lucia.es@example.com")).Single(e => e.Subject == "No verificado: el número de Medicaid que termina en 0001")
            .TextBody.ShouldContain("No pudimos verificar el número de Medicaid que termina en 0001");
    }

    private static Dictionary<string, string?> ProviderFields(string npi) => ProviderForm.Fields(npi, "lee.park@clinic.example", inMcoNetwork: false);

    private static async Task<FormClient.Page> UploadAsync(FormClient admin, string roster, string csv)
    {
        var token = (await admin.GetAsync("/admin/rosters")).AntiforgeryToken;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), "__RequestVerificationToken" },
            { file, roster == "Members" ? "MemberFile" : "ProviderFile", "roster.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/rosters?handler={roster}") { Content = form };
        return await admin.SendAsync(request);
    }
}
