using Aims.Identity.Contracts;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// Issue 22: a number on a page is the setting that enforces it, never typed text. This portal runs with day counts
/// other than the law's defaults, and each page says the changed number (ADR 0043).
/// </summary>
public sealed class NumbersFromSettingsTests() : AppealsTest("aims_test_numbers_from_settings")
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Aims:AppealRules:ProviderMailReceiptDays"] = "4",
        ["Aims:AppealRules:AuthorityProofDays"] = "12",
        ["Aims:AppealRules:ExpeditedServicesWorkingDays"] = "2",
        ["Aims:AppealRules:InformalDecisionDays"] = "150",
        ["Aims:Identity:Sessions:IdleTimeout"] = "00:20:00",
        ["Aims:Identity:Sessions:WarnBefore"] = "00:05:00",
    };

    [Test]
    public async Task The_filing_forms_hints_say_the_configured_days()
    {
        var (provider, _) = await ProviderAsync("owner.numbers@clinic.example");
        var informal = await provider.GetAsync("/appeals/file/informal");
        informal.Text.ShouldContain("Counts as received 4 days after the date on the notice.");
        informal.Text.ShouldNotContain("Counts as received 3 days");

        using var representative = await SignedInAsync("rep.numbers@advocates.example", Role.AuthorizedRepresentative);
        var client = await representative.GetAsync("/appeals/file/client");
        client.Text.ShouldContain("Send the signed statement within 12 days of filing, or the appeal is invalid.");
        client.Text.ShouldContain("A decision within 2 working days.");
        client.Text.ShouldContain("A decision within 7 working days.");
    }

    [Test]
    public async Task The_staff_screen_names_the_informal_clock_with_its_configured_days()
    {
        // Filed Monday 11/23/2026 with 150 days for the informal decision: due Thursday 04/22/2027.
        var (provider, providerId) = await ProviderAsync("owner.clock@clinic.example");
        var id = await FileAsync(provider, "/appeals/file/informal", InformalFields(providerId, "11/10/2026"));
        using var worker = await StaffAsync("worker.numbers@dmas.virginia.gov", Role.CaseWorker);

        var page = await worker.GetAsync($"/appeals/{id}");
        page.Text.ShouldContain("Informal decision (150 days)");
        page.Text.ShouldContain("04/22/2027");
        page.Text.ShouldNotContain("(180 days)");
    }

    [Test]
    public async Task The_idle_warning_says_the_configured_lead_time()
    {
        var (provider, _) = await ProviderAsync("owner.idle@clinic.example");

        var page = await provider.GetAsync("/appeals");

        page.Text.ShouldContain("For your security you will be signed out in 5 minutes.");
        page.Text.ShouldNotContain("signed out in 2 minutes");
    }

    [Test]
    public async Task The_representatives_page_says_the_configured_days_to_prove_authority()
    {
        using var client = await SignedInAsync("client.numbers@example.com", Role.ClientAppellant);

        var page = await client.GetAsync("/client/representatives");

        page.Text.ShouldContain("For each appeal they file, they send proof of their authority within 12 days.");
    }
}
