using Aims.Identity.Contracts;
using Aims.Registration.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// Later notices reach each external reader in their language (ADR 0026); someone with no account gets English then
/// Spanish in one email; staff stay English. Times are UTC; New York is UTC-5 until 03/14/2027.
/// </summary>
public sealed class SpanishNoticeTests() : AppealsTest("aims_test_spanish_notices")
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_provider_who_reads_Spanish_is_reminded_told_the_decision_and_reminded_of_the_formal_appeal_in_Spanish()
    {
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Program Integrity es", "coord.es@pic.example");
        var (owner, provider) = await ProviderAsync("owner.es@clinic.example", "Clínica Hispana del Valle");
        var fields = InformalFields(provider, "11/10/2026", agencyId: agency);
        fields["Form.ContactName"] = "Rosa Park";
        fields["Form.ContactEmail"] = "rosa.es@clinic.example";
        var id = await FileAsync(owner, "/appeals/file/informal", fields);
        var caseNumber = CaseNumber().Match((await owner.GetAsync($"/appeals/{id}")).Text).Value;
        using var ownerInSpanish = await InSpanishAsync("owner.es@clinic.example");

        // The conference is Wed 12/16/2026 at 10:00, so its week-ahead reminder goes Wed 12/09/2026 at 09:00 (14:00 UTC).
        using var worker = await StaffAsync("worker.es@dmas.virginia.gov", Role.CaseWorker);
        using var agent = await StaffAsync("agent.es@dmas.virginia.gov", Role.InformalAppealsAgent);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "InformalAppealsAgent", ["AssigneeId"] = (await UserIdAsync("agent.es@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(agent, $"/staff/appeals/{id}/schedule", new()
        {
            ["Form.Date"] = "12/16/2026", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Video", ["Form.Details"] = "https://meet.example/es",
        })).Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();

        Clock.SetUtcNow(Utc(2026, 12, 9, 14));
        await DeliverAsync();

        var reminder = (await EmailsToAsync("owner.es@clinic.example")).Single(e => e.Subject.Contains(" en 7 días", StringComparison.Ordinal));
        reminder.Subject.ShouldBe($"Conferencia informal de determinación de hechos en 7 días: apelación {caseNumber}");
        PortalLanguage.Spaced(reminder.TextBody).ShouldContain(
            $"Recordatorio: la conferencia informal de determinación de hechos de la apelación {caseNumber} es el 16 de diciembre de 2026 a las 10:00 a. m., hora del Este, por video.");
        reminder.TextBody.ShouldContain("Cómo participar: https://meet.example/es");
        reminder.TextBody.ShouldContain("Si no puede asistir, llame de inmediato a la División de Apelaciones.");
        reminder.TextBody.ShouldStartWith("Hola, ");
        (await CountAsync("SELECT count(*) FROM notifications.notices WHERE subject = @p", reminder.Subject)).ShouldBe(1L);

        // The agency's coordinator reads English, and so does the informal appeals agent.
        var english = $"Informal fact-finding conference in 7 days: appeal {caseNumber}";
        foreach (var email in new[] { "coord.es@pic.example", "agent.es@dmas.virginia.gov" })
        {
            (await EmailsToAsync(email)).Single(e => e.Subject == english).TextBody
                .ShouldContain($"Reminder: the informal fact-finding conference on appeal {caseNumber} is December 16, 2026 at 10:00 AM Eastern, by video.", Case.Sensitive, email);
        }

        // The filing's contact has no account: English first, then the same in Spanish, in one email.
        var both = (await EmailsToAsync("rosa.es@clinic.example")).Single(e => e.Subject.StartsWith(english, StringComparison.Ordinal));
        both.Subject.ShouldBe($"{english} / Conferencia informal de determinación de hechos en 7 días: apelación {caseNumber}");
        both.TextBody.ShouldStartWith("Más abajo encontrará este aviso en español.\n\nHello Rosa Park,");
        var body = PortalLanguage.Spaced(both.TextBody);
        body.IndexOf("December 16, 2026 at 10:00 AM Eastern", StringComparison.Ordinal)
            .ShouldBeLessThan(body.IndexOf("Hola, Rosa Park:", StringComparison.Ordinal));
        body.ShouldContain("es el 16 de diciembre de 2026 a las 10:00 a. m., hora del Este, por video.");
        body.ShouldContain("Questions? Call the AIMS helpline at");
        body.ShouldContain("¿Preguntas? Llame a la línea de ayuda de AIMS al");
        both.HtmlBody.ShouldNotBeNull().ShouldContain("<html lang=\"en\">");
        both.HtmlBody.ShouldContain("<div lang=\"es\">");

        // Decided Wed 12/16/2026: the notice in Spanish, the further step with its date; the coordinator's in English.
        Clock.SetUtcNow(Utc(2026, 12, 16, 15));
        using var agentLater = NewBrowser();
        await agentLater.SignInAsync(ConnectionString, "agent.es@dmas.virginia.gov", Password, staff: true);
        (await ActAsync(agentLater, $"/staff/appeals/{id}/decide", new() { ["Form.Outcome"] = "Sustained", ["Form.Text"] = "The denial stands." }))
            .Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();
        var decision = (await EmailsToAsync("owner.es@clinic.example")).Single(e => e.Subject == $"Decisión informal de la apelación {caseNumber}");
        decision.TextBody.ShouldContain($"La decisión informal de la apelación {caseNumber} se emitió el miércoles, 16 de diciembre de 2026: Confirmada.");
        decision.TextBody.ShouldContain("El proveedor puede presentar una apelación formal a más tardar el 15 de enero de 2027.");
        decision.TextBody.ShouldContain("Lea y descargue la decisión en la página de la apelación en AIMS.");
        var coordinatorDecision = (await EmailsToAsync("coord.es@pic.example")).Single(e => e.Subject == $"Informal decision on appeal {caseNumber}");
        coordinatorDecision.TextBody.ShouldContain($"The informal decision on appeal {caseNumber} was issued on Wednesday, December 16, 2026: Sustained.");
        coordinatorDecision.TextBody.ShouldContain("The provider may file a formal appeal by 01/15/2027.");

        // Day 20 of the 30, Tue 01/05/2027 at 09:00: the formal-appeal window, in Spanish.
        Clock.SetUtcNow(Utc(2027, 1, 5, 14));
        await DeliverAsync();
        var window = (await EmailsToAsync("owner.es@clinic.example")).Single(e => e.Subject.StartsWith("Quedan 10 días", StringComparison.Ordinal));
        window.Subject.ShouldBe($"Quedan 10 días para presentar una apelación formal: apelación {caseNumber}");
        window.TextBody.ShouldContain(
            $"La decisión informal de la apelación {caseNumber} se emitió el miércoles, 16 de diciembre de 2026: Confirmada. Si desea una apelación formal, " +
            "preséntela a más tardar el viernes, 15 de enero de 2027: abra la apelación en AIMS y elija «Presentar una apelación formal».");
    }

    [Test]
    public async Task An_agency_coordinator_who_reads_Spanish_is_told_of_the_appeal_and_reminded_of_the_summary_in_Spanish()
    {
        // Filed Mon 11/23/2026; hearing Tue 01/19/2027 10:00, so the appeal summary is due Mon 01/11/2027 and its
        // "due in 3 business days" reminder goes Wed 01/06/2027 at 09:00 (14:00 UTC).
        var agency = await AgencyAsync(AgencyType.ClientAgency, "Richmond DSS es", "coord.es@dss.example");
        using var coordinator = await InSpanishAsync("coord.es@dss.example");
        var client = await ClientAsync("client.es@example.com", "300000000291");
        var fields = ClientFields("11/16/2026");
        fields["Form.AgencyId"] = agency.ToString();
        fields["Form.ContactEmail"] = "client.es@example.com";
        var id = await FileAsync(client, "/appeals/file/client", fields);
        var caseNumber = CaseNumber().Match((await client.GetAsync($"/appeals/{id}")).Text).Value;
        await DeliverAsync();
        var filed = (await EmailsToAsync("coord.es@dss.example")).Single(e => e.Subject == $"Una nueva apelación, {caseNumber}, menciona a su agencia");
        filed.TextBody.ShouldContain($"Maria Lopez presentó la apelación {caseNumber} el lunes, 23 de noviembre de 2026. La División de Apelaciones le avisará");

        using var worker = await StaffAsync("worker.es2@dmas.virginia.gov", Role.CaseWorker);
        (await ActAsync(worker, $"/staff/appeals/{id}/docket", [])).Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/assign", new() { ["Role"] = "CaseWorker", ["AssigneeId"] = (await UserIdAsync("worker.es2@dmas.virginia.gov")).ToString() }))
            .Location.ShouldBe($"/appeals/{id}");
        (await ActAsync(worker, $"/staff/appeals/{id}/schedule", new()
        {
            ["Form.Date"] = "01/19/2027", ["Form.Time"] = "10:00 AM", ["Form.Channel"] = "Telephone", ["Form.Details"] = "Call 804-555-0100, code 2291.",
        })).Location.ShouldBe($"/appeals/{id}");
        await DeliverAsync();

        Clock.SetUtcNow(Utc(2027, 1, 6, 14));
        await DeliverAsync();

        var dueSoon = (await EmailsToAsync("coord.es@dss.example")).Single(e => e.Subject == $"Apelación {caseNumber}: el resumen de la apelación vence el 11 de enero de 2027");
        PortalLanguage.Spaced(dueSoon.TextBody).ShouldContain(
            $"Apelación {caseNumber}: el resumen de la apelación de la agencia debe presentarse a más tardar el lunes, 11 de enero de 2027, dentro de tres días hábiles, " +
            "antes de la audiencia del 19 de enero de 2027 a las 10:00 a. m., hora del Este. Preséntelo en la página de la apelación en AIMS.");
        dueSoon.HtmlBody.ShouldNotBeNull().ShouldContain("<html lang=\"es\">");
        (await EmailsToAsync("worker.es2@dmas.virginia.gov")).ShouldContain(e => e.Subject == $"The appeal summary for appeal {caseNumber} is due 01/11/2027");
    }

    /// <summary>Signs <paramref name="email"/> in from a browser switched to Spanish, which their account then remembers (ADR 0025).</summary>
    private async Task<FormClient> InSpanishAsync(string email)
    {
        var browser = NewBrowser();
        await browser.ChooseLanguageAsync("es");
        await browser.SignInAsync(ConnectionString, email, Password);
        return browser;
    }
}
