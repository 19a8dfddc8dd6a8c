using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Aims.Appeals;
using Aims.Appeals.Contracts;
using Aims.Appeals.Filing;
using Aims.Appeals.Model;
using Aims.Appeals.Rules;
using Aims.Appeals.Viewing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aims.UnitTests.Appeals;

/// <summary>
/// The appeal answers in codes and <see cref="AppealLabels"/> words them once, in English and (through the resource
/// file) in Spanish, with the day counts of the rules that count the dates (ADR 0043).
/// </summary>
public sealed class AppealSpeaksInCodesTests
{
    private static readonly ResourceSet Spanish =
        new ResourceManager("Aims.Appeals.Resources.AppealsText", typeof(AppealsText).Assembly).GetResourceSet(new CultureInfo("es"), true, false)!;

    private static IEnumerable<TestCaseData> Wordings() =>
        Enum.GetValues<AppealStep>().Select(step => new TestCaseData(AppealLabels.Step(step)).SetName($"Step {step}"))
            .Concat(Enum.GetValues<DeadlineKind>().Select(kind => new TestCaseData(AppealLabels.Deadline(kind)).SetName($"Deadline {kind}")));

    [Test]
    public void The_appeals_read_properties_answer_in_codes_not_sentences()
    {
        // Names and numbers the filer typed or the division gave are data; anything else a string would be wording.
        string[] data = [nameof(Appeal.CaseNumber), nameof(Appeal.AppellantName), nameof(Appeal.ActionType)];
        var properties = typeof(Appeal).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);

        properties.Where(p => p.PropertyType == typeof(string) && !data.Contains(p.Name)).Select(p => p.Name).ShouldBeEmpty();
        properties.Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)
                && p.PropertyType.GetInterfaces().Contains(typeof(IEnumerable<string>)))
            .Select(p => p.Name).ShouldBeEmpty();
        typeof(Appeal).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string)).ShouldBeEmpty();
        typeof(NextDeadline).GetProperties().Select(p => p.PropertyType).ShouldNotContain(typeof(string));
        typeof(StatutoryClock).GetProperties().Select(p => p.PropertyType).ShouldNotContain(typeof(string));
    }

    [TestCaseSource(nameof(Wordings))]
    public void Each_code_has_its_words_in_English_and_Spanish(string english)
    {
        english.ShouldNotBeNullOrWhiteSpace();
        var spanish = Spanish.GetString(english);
        spanish.ShouldNotBeNullOrWhiteSpace($"no Spanish for \"{english}\"");
        spanish.ShouldNotBe(english);
    }

    [Test]
    public void Every_code_has_words_of_its_own()
    {
        Enum.GetValues<AppealStep>().Select(AppealLabels.Step).Distinct().Count().ShouldBe(Enum.GetValues<AppealStep>().Length);
        Enum.GetValues<DeadlineKind>().Select(AppealLabels.Deadline).Distinct().Count().ShouldBe(Enum.GetValues<DeadlineKind>().Length);
        Enum.GetValues<AppealFlag>().Select(AppealLabels.Flag).Distinct().Count().ShouldBe(Enum.GetValues<AppealFlag>().Length);
        AppealLabels.Step(AppealStep.ScheduleConference).ShouldBe("The Appeals Division schedules the informal fact-finding conference");
        Spanish.GetString(AppealLabels.Step(AppealStep.ScheduleConference)).ShouldBe("La División de Apelaciones programa la conferencia informal de determinación de hechos");
        AppealLabels.Deadline(DeadlineKind.FormalAppeal).ShouldBe("Last day to file a formal appeal");
        Spanish.GetString(AppealLabels.Deadline(DeadlineKind.FormalAppeal)).ShouldBe("Último día para presentar una apelación formal");
    }

    [Test]
    public void A_deemed_decision_is_worded_from_its_facts_in_each_language()
    {
        // An informal appeal's 180 days ended Sat 05/22/2027 with no decision; the clock check recorded it on 05/23/2027.
        var deemed = new DeemedInProviderFavour(DecisionLevel.Informal, new DateOnly(2027, 5, 22), new DateOnly(2027, 5, 23), new DateOnly(2027, 6, 22));
        var decision = new DecisionIssued(DecisionLevel.Informal, deemed.RecordedOn, "", "", new Person(Guid.Empty, "AIMS"), deemed.FurtherAppealBy, Deemed: deemed);
        var t = new ResourceManagerStringLocalizer(
            new ResourceManager("Aims.Appeals.Resources.AppealsText", typeof(AppealsText).Assembly), typeof(AppealsText).Assembly,
            "Aims.Appeals.Resources.AppealsText", new ResourceNamesCache(), NullLogger.Instance);

        var english = InCulture("en-US", () => AppealLabels.Worded(decision, t));
        english.Outcome.ShouldBe("Deemed in the provider's favour");
        english.Text.ShouldBe("No informal decision was issued by 05/22/2027, the last day the law allows. "
            + "Under § 32.1-325.1 of the Code of Virginia the appeal is deemed decided in the provider's favour.");
        InCulture("es", () => AppealLabels.Worded(decision, t)).Text.ShouldBe("No se emitió ninguna decisión informal a más tardar el 22 de mayo de 2027, "
            + "el último día que permite la ley. Conforme al artículo 32.1-325.1 del Código de Virginia, la apelación se considera decidida a favor del proveedor.");
        InCulture("en-US", () => AppealLabels.Worded(decision with { Level = DecisionLevel.Final, Deemed = deemed with { Level = DecisionLevel.Final } }, t))
            .Text.ShouldStartWith("No final decision was issued by 05/22/2027");
        Spanish.GetString(AppealLabels.DeemedOutcome).ShouldBe("Se considera decidida a favor del proveedor");

        // A staff decision keeps its own words.
        var staff = new DecisionIssued(DecisionLevel.Informal, new DateOnly(2027, 1, 20), "Reversed", "The findings.", new Person(Guid.NewGuid(), "Ida Officer"), null);
        AppealLabels.Worded(staff, t).ShouldBe(staff);
    }

    [Test]
    public void A_formal_appeal_names_its_action_by_code_and_each_language_words_it()
    {
        // Before, the appeal held "Formal appeal of PI-2026-000001", which the list row stored and a Spanish page showed in English.
        var formal = new Appeal();
        formal.When(new FormalAppealFiled(
            "PF-2026-000001", new Person(Guid.NewGuid(), "Lee Park"), new ProviderRef(Guid.NewGuid(), "Blue Ridge Clinic", "1234567893"), null, Guid.NewGuid(), "PI-2026-000001",
            new DateOnly(2026, 11, 2), ReceiptMethod.Email, "Wrong rate.", new ContactDetails("Lee Park", "540-555-0142", "lee@clinic.example"),
            new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2), true, new DateOnly(2027, 3, 23)));
        var t = new ResourceManagerStringLocalizer(
            new ResourceManager("Aims.Appeals.Resources.AppealsText", typeof(AppealsText).Assembly), typeof(AppealsText).Assembly,
            "Aims.Appeals.Resources.AppealsText", new ResourceNamesCache(), NullLogger.Instance);

        formal.ActionType.ShouldBe("InformalDecision");
        InCulture("en-US", () => AppealChoices.ActionLabel(formal, t)).ShouldBe("Informal decision on PI-2026-000001");
        InCulture("es", () => AppealChoices.ActionLabel(formal, t)).ShouldBe("Decisión informal sobre PI-2026-000001");
    }

    private static T InCulture<T>(string name, Func<T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Test]
    public void A_clock_is_named_with_the_days_its_setting_gives()
    {
        var law = new AppealRulesOptions();
        AppealLabels.Clock(DecisionClockKind.InformalDecision, law).ShouldBe("Informal decision (180 days)");
        AppealLabels.Clock(DecisionClockKind.RecommendedDecision, law).ShouldBe("Recommended decision (120 days)");
        AppealLabels.Clock(DecisionClockKind.FinalDecision, law).ShouldBe("Final decision (60 days)");
        AppealLabels.Clock(DecisionClockKind.ClientDecision, law).ShouldBe("Decision (90 days)");
        AppealLabels.Clock(DecisionClockKind.ExpeditedServices, law).ShouldBe("Expedited decision (3 working days)");
        AppealLabels.Clock(DecisionClockKind.ExpeditedEligibility, law).ShouldBe("Expedited decision (7 working days)");

        var changed = new AppealRulesOptions { InformalDecisionDays = 150, ClientDecisionDays = 75, ExpeditedServicesWorkingDays = 2 };
        AppealLabels.Clock(DecisionClockKind.InformalDecision, changed).ShouldBe("Informal decision (150 days)");
        AppealLabels.Clock(DecisionClockKind.ClientDecision, changed).ShouldBe("Decision (75 days)");
        AppealLabels.Clock(DecisionClockKind.ExpeditedServices, changed).ShouldBe("Expedited decision (2 working days)");
    }

    [Test]
    public void The_next_step_follows_the_kind_of_appeal_and_where_it_stands()
    {
        var person = new Person(Guid.NewGuid(), "Casey Worker");
        var informal = new Appeal();
        informal.When(new InformalAppealFiled(
            "PI-2026-000001", person, new ProviderRef(Guid.NewGuid(), "Blue Ridge Clinic", "1234567893"), null, "ClaimDenial", new DateOnly(2026, 11, 10), ReceiptMethod.Email,
            null, [new DisputedItem("CLM-1", 100m, "Authorized.")], "Pay it.", new ContactDetails("Lee Park", "540-555-0142", "lee@clinic.example"),
            new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 10), true, new DateOnly(2027, 5, 22)));

        informal.NextStep.ShouldBe(AppealStep.DocketThenConference);
        informal.NextDeadline.ShouldBe(new NextDeadline(new DateOnly(2027, 5, 22), DeadlineKind.InformalDecision));
        informal.When(informal.Docket(person, new DateOnly(2026, 11, 23), null));
        informal.NextStep.ShouldBe(AppealStep.ScheduleConference);
        informal.When(informal.Withdraw(person, new DateOnly(2026, 11, 24), null));
        informal.NextStep.ShouldBeNull();
        informal.NextDeadline.ShouldBeNull();
    }
}
