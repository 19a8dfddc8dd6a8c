using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aims.Appeals.Model;
using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// The portal in Spanish for someone who chose it (ADR 0022, 0025): pages, messages, dates and emails, now and later;
/// staff pages and emails and the API stay English. Today is Monday 11/23/2026.
/// </summary>
public sealed class SpanishTests() : AppealsTest("aims_test_spanish")
{
    [Test]
    public async Task A_client_who_chose_Spanish_signs_in_files_and_reads_everything_in_Spanish()
    {
        await CreateAccountAsync("ana.spanish@example.com", Role.ClientAppellant);
        using var browser = await SpanishBrowserAsync();

        var signIn = await browser.GetAsync("/account/sign-in");
        signIn.Html.ShouldContain("<html lang=\"es\"");
        signIn.Text.ShouldContain("Iniciar sesión");
        signIn.Text.ShouldContain("Contraseña");
        var wrong = await browser.StartAsync("ana.spanish@example.com", "");
        wrong.Text.ShouldContain("Escriba su contraseña.");
        wrong.Text.ShouldContain("Hay un problema");

        await browser.SignInAsync(ConnectionString, "ana.spanish@example.com", Password);
        var code = (await OutboxReader.EmailsToAsync(ConnectionString, "ana.spanish@example.com")).Last();
        code.Subject.ShouldBe("Su código de inicio de sesión de AIMS");
        code.TextBody.ShouldContain("Sirve una sola vez");
        code.TextBody.ShouldContain("Llame a la línea de ayuda de AIMS");
        (await PreferredLanguageAsync("ana.spanish@example.com")).ShouldBe("es");

        (await browser.PostAsync("/client/profile", ClientProfileFields("200000000001"))).Location.ShouldBe("/client/profile");
        var refused = await browser.PostAsync("/appeals/file/client", ClientFields(""));
        refused.Text.ShouldContain("Escriba la fecha que aparece en el aviso.");
        refused.Text.ShouldNotContain("Enter the date on the notice.");

        var id = await FileAsync(browser, "/appeals/file/client", ClientFields("11/02/2026"));
        var detail = await browser.GetAsync($"/appeals/{id}");
        detail.Html.ShouldContain("<html lang=\"es\"");
        detail.Text.ShouldContain("Con fecha del 2 de noviembre de 2026 (se considera recibido el 7 de noviembre de 2026)");
        detail.Text.ShouldContain("Último día para presentar 7 de diciembre de 2026 — presentada a tiempo");
        detail.Text.ShouldContain("Mi cobertura fue reducida, suspendida o terminada");
        detail.Text.ShouldContain("Volver a mis apelaciones");
        var list = await browser.GetAsync("/appeals");
        list.Text.ShouldContain("Mis apelaciones");
        list.Text.ShouldContain("23 de noviembre de 2026");

        var confirmation = (await EmailsToAsync("ana.spanish@example.com")).Single(e => e.Subject.StartsWith("Apelación", StringComparison.Ordinal));
        confirmation.Subject.ShouldStartWith("Apelación CL-2026-");
        confirmation.Subject.ShouldEndWith(" recibida");
        confirmation.TextBody.ShouldContain("La División de Apelaciones recibió su apelación el lunes, 23 de noviembre de 2026.");
        confirmation.TextBody.ShouldContain("Los beneficios no continúan");
    }

    [Test]
    public async Task A_notice_composed_later_is_in_each_account_holders_language_and_staff_stay_English()
    {
        var agency = await AgencyAsync(AgencyType.ClientAgency, "Richmond DSS spanish", "coord.spanish@dss.example");
        await CreateAccountAsync("luis.spanish@example.com", Role.ClientAppellant);
        using var browser = await SpanishBrowserAsync();
        await browser.SignInAsync(ConnectionString, "luis.spanish@example.com", Password);
        (await browser.PostAsync("/client/profile", ClientProfileFields("200000000002"))).Location.ShouldBe("/client/profile");
        var fields = ClientFields("11/16/2026");
        fields["Form.AgencyId"] = agency.ToString();
        fields["Form.ContactEmail"] = "luis.contact@example.com";
        var id = await FileAsync(browser, "/appeals/file/client", fields);
        using var worker = await StaffAsync("worker.spanish@dmas.virginia.gov", Role.CaseWorker);
        await worker.ChooseLanguageAsync("es");

        var docket = await ActAsync(worker, $"/staff/appeals/{id}/docket", []);
        docket.Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();

        var notice = (await EmailsToAsync("luis.spanish@example.com")).Single(e => e.Subject.EndsWith(" registrada", StringComparison.Ordinal));
        notice.TextBody.ShouldStartWith("Hola, ");
        notice.TextBody.ShouldContain("el lunes, 23 de noviembre de 2026: el proceso sigue adelante.");
        notice.TextBody.ShouldContain("Preguntas sobre una apelación: la División de Apelaciones al");
        notice.HtmlBody.ShouldNotBeNull().ShouldContain("<html lang=\"es\">");
        notice.HtmlBody.ShouldContain("Abrir en AIMS");
        (await browser.GetAsync("/notifications")).Text.ShouldContain("registrada");
        // The agency's coordinator has no Spanish on record: English. The filing's contact has no account: both.
        (await AppealEmailsToAsync("coord.spanish@dss.example")).ShouldContain(e => e.Subject.EndsWith(" docketed", StringComparison.Ordinal));
        (await AppealEmailsToAsync("luis.contact@example.com")).ShouldContain(e => e.Subject.Contains(" docketed / Apelación ", StringComparison.Ordinal) && e.Subject.EndsWith(" registrada", StringComparison.Ordinal));

        // The hearing notice too, with its date in Spanish and the invitation attached.
        using var officer = await StaffAsync("officer.spanish@dmas.virginia.gov", Role.HearingOfficer);
        (await ActAsync(worker, $"/staff/appeals/{id}/assign?role=HearingOfficer", new() { ["Role"] = "HearingOfficer", ["AssigneeId"] = (await UserIdAsync("officer.spanish@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(officer, $"/staff/appeals/{id}/schedule", new()
        {
            ["Form.Date"] = "01/19/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100, access code 4411.",
        })).Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();
        var hearing = (await EmailsToAsync("luis.spanish@example.com")).Single(e => e.Subject.StartsWith("Audiencia programada: apelación ", StringComparison.Ordinal));
        // Spanish writes "a. m." with a no-break space inside.
        PortalLanguage.Spaced(hearing.TextBody).ShouldContain("19 de enero de 2027 a las 10:00 a. m., hora del Este, por teléfono.");
        hearing.TextBody.ShouldContain("Cómo participar: Call 804-555-0100, access code 4411.");
        hearing.TextBody.ShouldContain("El resumen del caso de la agencia debe presentarse a más tardar el lunes, 11 de enero de 2027.");
        hearing.Attachments.ShouldHaveSingleItem();
        (await EmailsToAsync("coord.spanish@dss.example")).ShouldContain(e => e.Subject.StartsWith("Hearing scheduled: appeal ", StringComparison.Ordinal));
        var scheduled = PortalLanguage.Spaced((await browser.GetAsync($"/appeals/{id}")).Text);
        scheduled.ShouldContain("Cuándo 19 de enero de 2027 a las 10:00 a. m., hora del Este");
        scheduled.ShouldContain("Próximo paso La audiencia está programada; después viene la decisión");

        // A staff account's switch changes nothing they are sent.
        (await PreferredLanguageAsync("worker.spanish@dmas.virginia.gov")).ShouldBeNull();
        (await worker.GetAsync("/staff/intake")).Html.ShouldContain("<html lang=\"en\"");
    }

    [Test]
    public async Task Switching_back_to_English_is_remembered_on_the_account()
    {
        await CreateAccountAsync("eva.spanish@example.com", Role.ClientAppellant);
        using var browser = await SpanishBrowserAsync();
        await browser.SignInAsync(ConnectionString, "eva.spanish@example.com", Password);
        (await PreferredLanguageAsync("eva.spanish@example.com")).ShouldBe("es");

        var back = await browser.PostAsync("/appeals", [new("language", "en"), new("returnUrl", "/appeals")], action: "/language");

        back.Location.ShouldBe("/appeals");
        (await PreferredLanguageAsync("eva.spanish@example.com")).ShouldBeNull();
        (await browser.GetAsync("/appeals")).Text.ShouldContain("My appeals");
    }

    [Test]
    public async Task An_appeals_history_reads_in_Spanish_with_no_event_names_and_no_staff_notes()
    {
        await CreateAccountAsync("rosa.spanish@example.com", Role.ClientAppellant);
        using var browser = await SpanishBrowserAsync();
        await browser.SignInAsync(ConnectionString, "rosa.spanish@example.com", Password);
        (await browser.PostAsync("/client/profile", ClientProfileFields("200000000003"))).Location.ShouldBe("/client/profile");
        // A notice of 09/01 counts as received 09/06; the last day to file was 10/06, so today's filing is late.
        var id = await FileAsync(browser, "/appeals/file/client", ClientFields("09/01/2026"));
        var caseNumber = CaseNumber().Match((await browser.GetAsync($"/appeals/{id}")).Text).Value;
        using var worker = await StaffAsync("worker.history@dmas.virginia.gov", Role.CaseWorker);
        using var officer = await StaffAsync("officer.history@dmas.virginia.gov", Role.HearingOfficer);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", new() { ["GoodCause"] = "Internal note: hospital records seen by phone." }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign?role=HearingOfficer", new()
        {
            ["Role"] = "HearingOfficer", ["AssigneeId"] = (await UserIdAsync("officer.history@dmas.virginia.gov")).ToString(), ["Reason"] = "Internal note: workload",
        })).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(officer, $"/staff/appeals/{id}/schedule", new()
        {
            ["Form.Date"] = "01/19/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100.",
        })).Location.ShouldBe($"/appeals/{id}");
        await IssueDecisionAsync(id, DecisionLevel.Hearing, new DateOnly(2027, 1, 20), null);

        var history = PortalLanguage.Spaced((await browser.GetAsync($"/appeals/{id}")).Text);

        history.ShouldContain($"Apelación {caseNumber} presentada después del último día para presentar (6 de octubre de 2026); marcada como fuera de plazo");
        history.ShouldContain("Apelación aceptada (registrada)");
        history.ShouldContain("Personal de la División de Apelaciones asignado al caso");
        history.ShouldContain("Audiencia programada para el 19 de enero de 2027 a las 10:00 a. m., hora del Este");
        history.ShouldContain("Decisión de la audiencia emitida: Confirmada");
        history.ShouldContain("División de Apelaciones");
        history.ShouldContain("Volver a los casos cerrados");
        foreach (var eventName in new[] { "ClientAppealFiled", "AppealDocketed", "CaseAssigned", "HearingScheduled", "DecisionIssued" })
        {
            history.ShouldNotContain(eventName);
        }

        // What the division noted for itself stays on its own screens.
        history.ShouldNotContain("Internal note");
        (await worker.GetAsync($"/appeals/{id}")).Text.ShouldContain("Hearing scheduled for January 19, 2027 at 10:00 AM Eastern");
    }

    [Test]
    public async Task A_refusal_reads_in_Spanish_on_the_page_while_the_API_answers_in_English()
    {
        var (browser, provider) = await ProviderAsync("rep.refusal@billing.example", "Piedmont Refusal Clinic", Role.ProviderRepresentative);
        using var api = await ApiAsync(browser, "Billing system", "AppealsRead", "AppealsFile");
        await browser.ChooseLanguageAsync("es");
        var id = await FileAsync(browser, "/appeals/file/informal", InformalFields(provider, "11/16/2026"));
        var caseNumber = CaseNumber().Match((await browser.GetAsync($"/appeals/{id}")).Text).Value;
        var confirm = await browser.GetAsync($"/appeals/{id}/withdraw");
        (await browser.PostWithTokenAsync($"/appeals/{id}/withdraw", [new("SeenVersion", "1")], confirm.AntiforgeryToken)).Location.ShouldBe($"/appeals/{id}");
        (await browser.GetAsync($"/appeals/{id}")).Text.ShouldContain($"La apelación {caseNumber} está retirada. Le enviamos una confirmación por correo electrónico.");
        var confirmation = (await EmailsToAsync("rep.refusal@billing.example")).Single(e => e.Subject == $"Apelación {caseNumber} retirada");
        confirmation.TextBody.ShouldContain($"Usted retiró la apelación {caseNumber} el lunes, 23 de noviembre de 2026. El caso está cerrado;");

        // The same confirmation again (a second tab): the rule's refusal, in Spanish with its date in Spanish.
        var again = await browser.PostWithTokenAsync($"/appeals/{id}/withdraw", [new("SeenVersion", "1")], confirm.AntiforgeryToken);
        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Text.ShouldContain($"{caseNumber} ya se retiró el 23 de noviembre de 2026.");
        again.Text.ShouldNotContain("already withdrawn");
        (await browser.GetAsync($"/appeals/{id}")).Text.ShouldContain("Apelación retirada");

        using var refused = await api.PostAsJsonAsync($"/api/v1/appeals/{id}/withdraw", new { });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe($"{caseNumber} was already withdrawn on 11/23/2026.");
        var timeline = await api.GetFromJsonAsync<JsonElement>($"/api/v1/appeals/{id}/timeline");
        timeline.EnumerateArray().Select(e => e.GetProperty("what").GetString()).ShouldBe(["Appeal withdrawn", $"Informal appeal {caseNumber} filed"]);
    }

    [Test]
    public void A_refusal_with_a_date_and_an_action_is_one_Spanish_sentence_and_stays_English_in_its_message()
    {
        var text = Portal.Services.GetRequiredService<PortalText>();
        var refused = new RuleViolationException("{0} is dismissed (on {1}): a closed appeal cannot be {2}.", "CL-2026-000009", new DateOnly(2026, 11, 23), "changed");

        refused.Message.ShouldBe("CL-2026-000009 is dismissed (on 11/23/2026): a closed appeal cannot be changed.");
        using (PortalLanguages.Use(PortalLanguages.Spanish))
        {
            text.Refusal(refused).ShouldBe("CL-2026-000009 está desestimada (desde el 23 de noviembre de 2026): una apelación cerrada no puede ser modificada.");
        }

        text.Refusal(refused).ShouldBe(refused.Message);
    }

    private async Task<FormClient> SpanishBrowserAsync()
    {
        var browser = NewBrowser();
        await browser.ChooseLanguageAsync("es");
        return browser;
    }

    private async Task<string?> PreferredLanguageAsync(string email)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand("SELECT preferred_language FROM identity.asp_net_users WHERE normalized_email = upper(@email)", connection);
        query.Parameters.AddWithValue("email", email);
        return await query.ExecuteScalarAsync() as string;
    }
}
