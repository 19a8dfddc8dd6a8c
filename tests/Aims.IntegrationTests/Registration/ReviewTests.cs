using System.Net;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Registration;

/// <summary>
/// The appeals team's review: the queue's business-day ages, approval into a new or an existing agency, the
/// coordinator's 72-hour activation, denial with a reason, one decision per request, and deactivation.
/// </summary>
public sealed partial class ReviewTests() : RegistrationTest("aims_test_registration_review")
{
    [Test]
    public async Task Approval_creates_the_agency_and_a_coordinator_who_activates_signs_in_with_a_code_and_sees_the_agency_page()
    {
        const string email = "coordinator@chesterfield.example";
        using var requester = NewBrowser();
        await SubmitAsync(requester, RequestFields(email, "Chesterfield Department of Social Services"));
        var id = await RequestIdAsync(email);
        using var admin = await AdministratorAsync();

        var approved = await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?> { ["Agency"] = "new" }, $"/admin/registrations/{id}?handler=Approve");

        approved.Location.ShouldBe("/admin/registrations");
        await DeliverAsync();
        var activation = (await EmailsToAsync(email)).Single(e => e.Subject == "Your AIMS access is approved: set your password");
        var link = new Uri(Link().Match(activation.TextBody).Value);
        (await requester.GetAsync(link.PathAndQuery)).Text.ShouldContain("Choose the password");
        var set = await requester.PostAsync(link.PathAndQuery, new Dictionary<string, string?>
        {
            ["Token"] = Token(link), ["Password"] = Password, ["ConfirmPassword"] = Password,
        });
        set.Location.ShouldBe("/account/sign-in");
        await DeliverAsync();

        using var coordinator = NewBrowser();
        (await coordinator.SignInAsync(ConnectionString, email, Password)).Location.ShouldBe("/");
        var page = await coordinator.GetAsync("/agency/appeals");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text.ShouldContain("Open appeals of actions by Chesterfield Department of Social Services");
        page.Text.ShouldContain("No open appeals name your agency.");
        var agencies = await admin.GetAsync("/admin/agencies");
        agencies.Text.ShouldContain("Chesterfield Department of Social Services");
        var agencyId = (Guid)(await ScalarAsync("SELECT agency_id FROM registration.access_requests WHERE id = @p", id))!;
        (await admin.GetAsync($"/admin/agencies/{agencyId}")).Text.ShouldContain("Jordan Reyes");
        (await requester.GetAsync(link.PathAndQuery)).Text.ShouldContain("This link was already used.");
    }

    [Test]
    public async Task A_request_made_in_Spanish_is_approved_in_Spanish_and_the_new_account_keeps_Spanish()
    {
        const string email = "coordinadora@richmond.example";
        using var requester = NewBrowser();
        await requester.ChooseLanguageAsync("es");
        (await SubmitAsync(requester, RequestFields(email, "Richmond Department of Social Services"))).Location.ShouldBe("/registration/received");
        var id = await RequestIdAsync(email);
        (await ScalarAsync("SELECT language FROM registration.access_requests WHERE id = @p", id)).ShouldBe("es");
        using var admin = await AdministratorAsync();

        (await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?> { ["Agency"] = "new" }, $"/admin/registrations/{id}?handler=Approve"))
            .Location.ShouldBe("/admin/registrations");
        await DeliverAsync();

        var activation = (await EmailsToAsync(email)).Single(e => e.Subject == "Su acceso a AIMS fue aprobado: establezca su contraseña");
        activation.TextBody.ShouldContain("La División de Apelaciones aprobó su solicitud de acceso a AIMS para Richmond Department of Social Services.");
        PortalLanguage.Spaced(activation.TextBody).ShouldContain("El enlace funciona una sola vez, hasta el 26 de noviembre de 2026 a las 9:00 a. m., hora del Este.");
        Link().IsMatch(activation.TextBody).ShouldBeTrue();
        (await ScalarAsync("SELECT preferred_language FROM identity.asp_net_users WHERE email = @p", email)).ShouldBe("es");
    }

    [Test]
    public async Task The_activation_link_works_at_71_hours_59_minutes_and_not_at_72_hours_1_minute()
    {
        const string early = "early@activation.example";
        const string late = "late@activation.example";
        var earlyLink = await ApprovedLinkAsync(early, "Early Agency");
        var lateLink = await ApprovedLinkAsync(late, "Late Agency");
        using var browser = NewBrowser();

        Clock.Advance(TimeSpan.FromHours(71) + TimeSpan.FromMinutes(59));
        (await browser.PostAsync(earlyLink.PathAndQuery, new Dictionary<string, string?> { ["Token"] = Token(earlyLink), ["Password"] = Password, ["ConfirmPassword"] = Password }))
            .Location.ShouldBe("/account/sign-in");
        Clock.Advance(TimeSpan.FromMinutes(2));
        (await browser.GetAsync(lateLink.PathAndQuery)).Text.ShouldContain("This link has expired: activation links work for 72 hours.");
        var refused = await browser.PostWithTokenAsync(lateLink.PathAndQuery, new Dictionary<string, string?>
        {
            ["Token"] = Token(lateLink), ["Password"] = Password, ["ConfirmPassword"] = Password,
        }, (await browser.GetAsync("/account/sign-in")).AntiforgeryToken);
        refused.Text.ShouldContain("This link has expired");
        (await AccountAsync(late)).PasswordHash.ShouldBeNull();
    }

    [Test]
    public async Task A_weak_password_at_activation_gets_the_policy_message_and_the_link_still_works()
    {
        const string email = "weak@activation.example";
        var link = await ApprovedLinkAsync(email, "Weak Password Agency");
        using var browser = NewBrowser();

        var weak = await browser.PostAsync(link.PathAndQuery, new Dictionary<string, string?> { ["Token"] = Token(link), ["Password"] = "Password1234!", ["ConfirmPassword"] = "Password1234!" });

        weak.Status.ShouldBe(HttpStatusCode.OK);
        weak.Html.ShouldContain("id=\"Password-error\"");
        (await browser.PostAsync(link.PathAndQuery, new Dictionary<string, string?> { ["Token"] = Token(link), ["Password"] = Password, ["ConfirmPassword"] = Password }))
            .Location.ShouldBe("/account/sign-in");
    }

    [Test]
    public async Task A_request_made_in_Spanish_is_received_and_denied_in_Spanish()
    {
        const string email = "solicitante@contratista.example";
        using var requester = NewBrowser();
        await requester.ChooseLanguageAsync("es");
        await SubmitAsync(requester, RequestFields(email, "Contratista Desconocido LLC"));
        var received = (await EmailsToAsync(email)).Single();
        received.Subject.ShouldBe("Su solicitud de acceso a AIMS está pendiente de revisión");
        // Submitted Monday 11/23/2026: two business days later is Wednesday 11/25.
        received.TextBody.ShouldContain("Si no tiene respuesta al final del miércoles, 25 de noviembre de 2026 (2 días hábiles), llame al equipo de apelaciones al 804-486-2865.");
        using var admin = await AdministratorAsync();

        await admin.PostAsync($"/admin/registrations/{await RequestIdAsync(email)}", new Dictionary<string, string?> { ["Reason"] = "No tenemos contrato con esta empresa." },
            $"/admin/registrations/{await RequestIdAsync(email)}?handler=Deny");

        var denial = (await EmailsToAsync(email)).Single(e => e.Subject == "Su solicitud de acceso a AIMS no fue aprobada");
        denial.TextBody.ShouldContain("Su solicitud de acceso a AIMS para Contratista Desconocido LLC no fue aprobada, por este motivo:\n\nNo tenemos contrato con esta empresa.");
        denial.TextBody.ShouldContain("Puede comunicarse con el equipo de apelaciones al 804-486-2865");
    }

    [Test]
    public async Task Denial_needs_a_reason_which_the_requester_is_emailed_and_sees_on_the_status_page()
    {
        const string email = "denied@agency.example";
        using var requester = NewBrowser();
        await SubmitAsync(requester, RequestFields(email, "Unknown Contractor LLC"));
        var id = await RequestIdAsync(email);
        using var admin = await AdministratorAsync();

        var blank = await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?> { ["Reason"] = " " }, $"/admin/registrations/{id}?handler=Deny");
        blank.Text.ShouldContain("Give the reason; the requester reads it in the email.");
        var denied = await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?> { ["Reason"] = "We have no contract with this company." }, $"/admin/registrations/{id}?handler=Deny");

        denied.Location.ShouldBe("/admin/registrations");
        var email1 = (await EmailsToAsync(email)).Single(e => e.Subject == "Your AIMS access request was not approved");
        email1.TextBody.ShouldContain("We have no contract with this company.");
        email1.TextBody.ShouldContain("You may contact the appeals team at 804-486-2865");
        var statusLink = new Uri((await EmailsToAsync(email)).First().TextBody.Split('\n').Single(l => l.Contains("/registration/status?token=")).Trim());
        (await requester.GetAsync(statusLink.PathAndQuery)).Text.ShouldContain("Not approved: We have no contract with this company.");
        await DeliverAsync();
        (await AccountAsync(email)).ShouldBeNull();
    }

    [Test]
    public async Task Two_reviewers_approving_at_once_make_one_account_and_the_second_is_told()
    {
        const string email = "race@agency.example";
        using var requester = NewBrowser();
        await SubmitAsync(requester, RequestFields(email, "Race Condition Agency"));
        var id = await RequestIdAsync(email);
        using var first = await AdministratorAsync();
        using var second = await AdministratorAsync();
        var firstPage = await first.GetAsync($"/admin/registrations/{id}");
        var secondPage = await second.GetAsync($"/admin/registrations/{id}");

        var answers = await Task.WhenAll(
            first.PostWithTokenAsync($"/admin/registrations/{id}?handler=Approve", new Dictionary<string, string?> { ["Agency"] = "new" }, firstPage.AntiforgeryToken),
            second.PostWithTokenAsync($"/admin/registrations/{id}?handler=Approve", new Dictionary<string, string?> { ["Agency"] = "new" }, secondPage.AntiforgeryToken));

        answers.Count(a => a.Location == "/admin/registrations").ShouldBe(1);
        answers.Single(a => a.Location is null).Text.ShouldContain("This request was already decided by another reviewer");
        (await ScalarAsync("SELECT count(*) FROM registration.agencies WHERE name = @p", "Race Condition Agency")).ShouldBe(1L);
        await DeliverAsync();
        (await ScalarAsync("SELECT count(*) FROM identity.asp_net_users WHERE normalized_email = upper(@p)", email)).ShouldBe(1L);
        (await EmailsToAsync(email)).Count(e => e.Subject == "Your AIMS access is approved: set your password").ShouldBe(1);
    }

    [Test]
    public async Task A_similar_agency_name_is_suggested_and_joining_it_creates_no_second_agency()
    {
        await ApprovedLinkAsync("first@richmond.example", "Richmond Department of Social Services");
        const string email = "second@richmond.example";
        using var requester = NewBrowser();
        await SubmitAsync(requester, RequestFields(email, "Dept. of Social Services - Richmond"));
        var id = await RequestIdAsync(email);
        using var admin = await AdministratorAsync();

        var page = await admin.GetAsync($"/admin/registrations/{id}");
        page.Text.ShouldContain("Richmond Department of Social Services Similar name.");
        var existing = (Guid)(await ScalarAsync("SELECT id FROM registration.agencies WHERE name = @p", "Richmond Department of Social Services"))!;
        (await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?> { ["Agency"] = existing.ToString() }, $"/admin/registrations/{id}?handler=Approve"))
            .Location.ShouldBe("/admin/registrations");

        (await ScalarAsync("SELECT count(*) FROM registration.agencies WHERE name LIKE @p", "%Social Services%Richmond%")).ShouldBe(0L);
        await DeliverAsync();
        (await AccountAsync(email)).AgencyId.ShouldBe(existing);
    }

    [Test]
    public async Task An_agency_of_the_other_kind_cannot_be_chosen_and_no_choice_is_a_message()
    {
        await ApprovedLinkAsync("provider.side@agency.example", "Provider Side Contractor", "ProviderAgency");
        const string email = "client.side@agency.example";
        using var requester = NewBrowser();
        await SubmitAsync(requester, RequestFields(email, "Client Side Agency"));
        var id = await RequestIdAsync(email);
        var providerAgency = (Guid)(await ScalarAsync("SELECT id FROM registration.agencies WHERE name = @p", "Provider Side Contractor"))!;
        using var admin = await AdministratorAsync();

        (await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?> { ["Agency"] = providerAgency.ToString() }, $"/admin/registrations/{id}?handler=Approve"))
            .Text.ShouldContain("That agency is of the other kind");
        (await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?>(), $"/admin/registrations/{id}?handler=Approve"))
            .Text.ShouldContain("Choose whether to create a new agency or add the requester to an existing one.");
        (await ScalarAsync("SELECT status FROM registration.access_requests WHERE id = @p", id)).ShouldBe("Pending");
    }

    [Test]
    public async Task The_queue_shows_business_day_ages_and_marks_those_at_two_or_more()
    {
        const string email = "ageing@thanksgiving.example";
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero)); // Wednesday before Thanksgiving
        using var requester = NewBrowser();
        await SubmitAsync(requester, RequestFields(email, "Ageing Request Agency"));

        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero)); // Monday: Thu/Fri were holidays
        using var admin = await AdministratorAsync();
        var monday = await admin.GetAsync("/admin/registrations");
        Regex.Match(monday.Html, @"Ageing Request Agency</a></th>.*?Age \(business days\)"">(\d+)", RegexOptions.Singleline).Groups[1].Value.ShouldBe("1");

        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)); // Tuesday
        using var tuesdayAdmin = await AdministratorAsync();
        var tuesday = await tuesdayAdmin.GetAsync("/admin/registrations");
        var row = Regex.Match(tuesday.Html, @"<tr class=""aims-overdue"">\s*<th scope=""row"" data-label=""Agency""><a[^>]*>Ageing Request Agency</a>.*?</tr>", RegexOptions.Singleline).Value;
        WebUtility.HtmlDecode(row).ShouldContain(">2 — reply due<", customMessage: row);
        (await tuesdayAdmin.GetAsync("/admin/registrations?Type=ProviderAgency")).Text.ShouldNotContain("Ageing Request Agency");
    }

    [Test]
    public async Task The_mobile_number_given_for_two_factor_codes_is_not_shown_to_reviewers()
    {
        const string email = "private.mobile@agency.example";
        using var requester = NewBrowser();
        await SubmitAsync(requester, RequestFields(email, "Private Mobile Agency"));
        using var admin = await AdministratorAsync();

        var page = await admin.GetAsync($"/admin/registrations/{await RequestIdAsync(email)}");

        page.Text.ShouldContain("Jordan Reyes");
        page.Html.ShouldNotContain("0199");
    }

    [Test]
    public async Task A_deactivated_coordinator_is_signed_out_and_cannot_sign_in_again()
    {
        const string email = "leaver@agency.example";
        var link = await ApprovedLinkAsync(email, "Leaver Agency");
        using var browser = NewBrowser();
        await browser.PostAsync(link.PathAndQuery, new Dictionary<string, string?> { ["Token"] = Token(link), ["Password"] = Password, ["ConfirmPassword"] = Password });
        await DeliverAsync();
        using var coordinator = NewBrowser();
        await coordinator.SignInAsync(ConnectionString, email, Password);
        var user = await AccountAsync(email);
        using var admin = await AdministratorAsync();

        var deactivated = await admin.PostAsync($"/admin/agencies/{user.AgencyId}", new Dictionary<string, string?> { ["userId"] = user.Id.ToString() }, $"/admin/agencies/{user.AgencyId}?handler=Deactivate");
        deactivated.Location.ShouldBe($"/admin/agencies/{user.AgencyId}");
        await DeliverAsync();

        (await coordinator.GetAsync("/agency/appeals")).Location!.ShouldContain("/account/sign-in");
        using var again = NewBrowser();
        (await again.StartAsync(email, Password)).Text.ShouldContain("This account has been deactivated by the Appeals Division.");
    }

    [TestCase(Role.CaseWorker, true)]
    [TestCase(Role.AgencyCoordinator, false)]
    public async Task Only_appeals_administrators_review_requests(Role role, bool staff)
    {
        var email = $"{role}.{Guid.NewGuid():N}@{(staff ? "dmas.virginia.gov" : "agency.example")}";
        await CreateAccountAsync(email, role, staff);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password, staff);

        (await browser.GetAsync("/admin/registrations")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/admin/agencies")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>A request submitted and approved into a new agency; returns the activation link.</summary>
    private async Task<Uri> ApprovedLinkAsync(string email, string agencyName, string type = "ClientAgency")
    {
        using var requester = NewBrowser();
        (await SubmitAsync(requester, RequestFields(email, agencyName, type))).Location.ShouldBe("/registration/received");
        var id = await RequestIdAsync(email);
        using var admin = await AdministratorAsync();
        (await admin.PostAsync($"/admin/registrations/{id}", new Dictionary<string, string?> { ["Agency"] = "new" }, $"/admin/registrations/{id}?handler=Approve"))
            .Location.ShouldBe("/admin/registrations");
        await DeliverAsync();
        return new Uri(Link().Match((await EmailsToAsync(email)).Single(e => e.Subject == "Your AIMS access is approved: set your password").TextBody).Value);
    }

    private static string Token(Uri link) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["token"].ToString();

    [GeneratedRegex(@"https?://\S+/account/activate\?token=\S+")]
    private static partial Regex Link();
}
