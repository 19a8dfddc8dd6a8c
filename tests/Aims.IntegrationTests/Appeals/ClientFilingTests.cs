using System.Net;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// A client's appeal (12VAC30-110; 42 CFR 431 E): 30 days from presumed receipt (+5), continued benefits, expedited 3 or
/// 7 working days, an MCO member's 120 (+5) days, a representative's 10 days to prove authority. Today is Mon 11/23/2026.
/// </summary>
public sealed partial class ClientFilingTests() : AppealsTest("aims_test_appeals_client")
{
    [Test]
    public async Task An_appellant_files_before_the_effective_date_so_benefits_continue_and_the_decision_is_due_in_90_days()
    {
        var agency = await AgencyAsync(AgencyType.ClientAgency, "Henrico County Department of Social Services", "eligibility.lead@henrico.example");
        using var client = await ClientAsync("maria.continue@example.com", "100000000001");
        var fields = ClientFields("11/02/2026", effectiveDate: "12/01/2026");
        fields["Form.AgencyId"] = agency.ToString();

        var id = await FileAsync(client, "/appeals/file/client", fields);

        var detail = await client.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain("Dated 11/02/2026 (counts as received 11/07/2026); takes effect 12/01/2026");
        detail.Text.ShouldContain("Last day to file 12/07/2026 — filed on time");
        detail.Text.ShouldContain("Benefits while the appeal is pending Continue");
        detail.Text.ShouldContain("Decision due 02/21/2027");
        detail.Text.ShouldContain("Appellant Maria Lopez, Medicaid ID 100000000001");
        var email = (await AppealEmailsToAsync("maria.continue@example.com")).Single();
        ReceivedSubject().IsMatch(email.Subject).ShouldBeTrue(email.Subject);
        email.TextBody.ShouldContain("Benefits continue while the appeal is decided");
        await DeliverAsync();
        (await AppealEmailsToAsync("eligibility.lead@henrico.example")).Single().Subject.ShouldContain("names your agency");
    }

    [TestCase("11/02/2026", "11/15/2026", false, TestName = "Notice 11/02, effective 11/15, filed 11/23: too late to continue benefits")]
    [TestCase("11/13/2026", null, true, TestName = "Notice 11/13, filed 11/23: the 10th day, benefits continue")]
    [TestCase("11/12/2026", null, true, TestName = "Notice 11/12, filed 11/23: the 10th day was Sunday 11/22, so Monday counts, benefits continue")]
    [TestCase("11/10/2026", null, false, TestName = "Notice 11/10, filed 11/23: the 10th day was Friday 11/20, benefits stop")]
    public async Task Continuation_of_benefits_needs_an_appeal_before_the_effective_date_or_within_10_days(string notice, string? effective, bool continues)
    {
        using var client = await ClientAsync($"cob.{Guid.NewGuid():N}@example.com", MedicaidId());

        var id = await FileAsync(client, "/appeals/file/client", ClientFields(notice, effective));

        (await client.GetAsync($"/appeals/{id}")).Text.ShouldContain(
            continues ? "Benefits while the appeal is pending Continue" : "Benefits while the appeal is pending Do not continue");
    }

    [TestCase("Services", "11/30/2026", TestName = "Expedited services: 3 working days from Monday 11/23, past Thanksgiving and the day after, is Monday 11/30")]
    [TestCase("Eligibility", "12/04/2026", TestName = "Expedited eligibility: 7 working days from Monday 11/23 is Friday 12/04")]
    public async Task An_expedited_appeal_is_due_in_working_days(string track, string due)
    {
        using var client = await ClientAsync($"expedited.{Guid.NewGuid():N}@example.com", MedicaidId());
        var fields = ClientFields("11/16/2026");
        fields["Form.Expedited"] = "yes";
        fields["Form.ExpeditedTrack"] = track;
        fields["Form.ExpeditedReason"] = "Without the home health aide I cannot get out of bed safely.";

        var id = await FileAsync(client, "/appeals/file/client", fields);

        var detail = await client.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain($"Expedited decision due {due}");
        detail.Text.ShouldContain($"Expedited request {track}: Without the home health aide");
    }

    [Test]
    public async Task The_expedited_criteria_are_shown_and_a_request_without_a_reason_is_refused()
    {
        using var client = await ClientAsync("expedited.noreason@example.com", MedicaidId());
        (await client.GetAsync("/appeals/file/client")).Text.ShouldContain("could put the appellant's life, physical or mental health, or ability to attain, maintain or regain maximum function at risk");
        var fields = ClientFields("11/16/2026");
        fields["Form.Expedited"] = "yes";

        var answer = await client.PostAsync("/appeals/file/client", fields);

        answer.Text.ShouldContain("Say whether the appeal is about services or eligibility.");
        answer.Text.ShouldContain("Say how waiting could harm the appellant's health or ability to function.");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE appellant_name = @p", "Maria Lopez expedited")).ShouldBe(0L);
    }

    [Test]
    public async Task An_mco_member_has_120_days_plus_5_from_the_mcos_final_decision_and_must_go_to_the_mco_first()
    {
        using var client = await ClientAsync("mco.member@example.com", MedicaidId());
        var fields = ClientFields("07/20/2026");
        fields["Form.McoMember"] = "yes";

        (await client.PostAsync("/appeals/file/client", fields)).Text.ShouldContain("An MCO's decision is appealed to the MCO first.");

        // Final decision 08/01/2026 → received 08/06 → day 120 is Friday 12/04/2026.
        fields["Form.McoOutcome"] = "decided";
        fields["Form.McoFinalDecisionDate"] = "08/01/2026";
        var id = await FileAsync(client, "/appeals/file/client", fields);
        var detail = await client.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain("Last day to file 12/04/2026 — filed on time");
        detail.Text.ShouldContain("MCO appeal Final decision 08/01/2026");
    }

    [Test]
    public async Task An_appellant_without_their_details_is_sent_to_fill_them_in_first()
    {
        using var client = await SignedInAsync("no.profile@example.com", Role.ClientAppellant);

        (await client.GetAsync("/appeals/file/client")).Html.ShouldContain("href=\"/client/profile\">fill in your details for appeals</a>");
        var answer = await client.PostAsync("/appeals/file/client", ClientFields("11/16/2026"));

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain("Fill in your details for appeals (date of birth, Medicaid ID, address) before you file.");
    }

    [Test]
    public async Task An_authorized_representative_owes_proof_in_10_days_and_the_appeal_is_flagged_the_day_after()
    {
        using var representative = await SignedInAsync("advocate@legalaid.example", Role.AuthorizedRepresentative);
        var fields = RepresentativeFields("AuthorizedRepresentative", "Robert Hale", "200000000002");

        var id = await FileAsync(representative, "/appeals/file/client", fields);

        var detail = await representative.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain("Proof of authority due 12/03/2026");
        detail.Text.ShouldContain("Filed by Test AuthorizedRepresentative (authorized representative)");
        (await AppealEmailsToAsync("advocate@legalaid.example")).Single().TextBody.ShouldContain("send the signed statement naming you by Thursday, December 3, 2026");

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 4, 59, 0, TimeSpan.Zero)); // 23:59 on 12/03 in Richmond
        await DeliverAsync();
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'AuthorityProofOverdue'", id)).ShouldBe(0L);

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 5, 1, 0, TimeSpan.Zero)); // 00:01 on 12/04
        await DeliverAsync();
        using var later = NewBrowser(); // the first session has long expired
        await later.SignInAsync(ConnectionString, "advocate@legalaid.example", Password);
        var flagged = await later.GetAsync($"/appeals/{id}");
        flagged.Text.ShouldContain("The representative's proof of authority did not arrive in time.");
        flagged.Text.ShouldContain("No proof of the representative's authority by 12/03/2026; flagged for the Appeals Division to find the appeal invalid");

        // No case worker is assigned yet, so intake (here the appeals administrator) is told.
        (await AppealEmailsToAsync(Administrator)).ShouldContain(e => e.Subject.StartsWith("Proof of authority not received: appeal", StringComparison.Ordinal)
            && e.TextBody.Contains("had until Thursday, December 3, 2026") && e.TextBody.Contains("Robert Hale"));
    }

    [Test]
    public async Task A_parent_owes_no_proof_and_a_withdrawn_appeal_is_never_flagged()
    {
        using var parent = await SignedInAsync("parent@example.com", Role.AuthorizedRepresentative);
        var asParent = await FileAsync(parent, "/appeals/file/client", RepresentativeFields("Parent", "Lily Hale", "300000000003"));
        (await parent.GetAsync($"/appeals/{asParent}")).Text.ShouldNotContain("Proof of authority due");

        var asAgent = await FileAsync(parent, "/appeals/file/client", RepresentativeFields("AuthorizedRepresentative", "Ann Hale", "300000000004"));
        var withdraw = await parent.PostAsync($"/appeals/{asAgent}/withdraw", new Dictionary<string, string?> { ["SeenVersion"] = "1" });
        withdraw.Location.ShouldBe($"/appeals/{asAgent}", withdraw.Text);
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 14, 0, 0, TimeSpan.Zero));
        await DeliverAsync();

        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND type = 'AuthorityProofOverdue'", asAgent)).ShouldBe(0L);
    }

    [Test]
    public async Task Case_numbers_are_zero_padded_to_six_digits_and_grow_past_999999()
    {
        await ExecuteAsync("SELECT setval('appeals.case_numbers_cl', 999998)", []);
        using var client = await ClientAsync("many.appeals@example.com", MedicaidId());

        var first = await FileAsync(client, "/appeals/file/client", ClientFields("11/16/2026"));
        var second = await FileAsync(client, "/appeals/file/client", ClientFields("11/16/2026"));

        (await ScalarAsync("SELECT case_number FROM appeals.appeal_summaries WHERE id = @p", first)).ShouldBe("CL-2026-999999");
        (await ScalarAsync("SELECT case_number FROM appeals.appeal_summaries WHERE id = @p", second)).ShouldBe("CL-2026-1000000");
        (await client.GetAsync("/appeals")).Text.ShouldContain("CL-2026-1000000");
    }

    [TestCase("Form.Capacity", "", "Say who you are to the appellant.")]
    [TestCase("Form.MedicaidId", "12345", "Enter the 12-digit Medicaid ID (digits only).")]
    [TestCase("Form.AppellantName", "", "Enter the appellant's full name.")]
    [TestCase("Form.EffectiveDate", "10/01/2026", "The date the action takes effect cannot be before the notice date.")]
    public async Task A_representatives_bad_input_is_named_beside_its_field(string field, string value, string message)
    {
        using var representative = await SignedInAsync($"rep.{Guid.NewGuid():N}@legalaid.example", Role.AuthorizedRepresentative);
        var fields = RepresentativeFields("Guardian", "Robert Hale", "200000000009");
        fields[field] = value;

        var answer = await representative.PostAsync("/appeals/file/client", fields);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain(message);
        answer.Html.ShouldContain($"id=\"{Regex.Replace(field, @"[.\[\]]", "_")}-error\"");
    }

    private static string MedicaidId() => "4" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString("D11");

    [GeneratedRegex(@"^Appeal CL-2026-\d{6,} received$")]
    private static partial Regex ReceivedSubject();
}
