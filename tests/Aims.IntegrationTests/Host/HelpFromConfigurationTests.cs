using System.Collections.Concurrent;
using System.Globalization;
using Aims.BuildingBlocks.Web;
using Aims.Host;
using Aims.Identity.Contracts;
using Aims.IntegrationTests.Identity;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Aims.IntegrationTests.Host;

/// <summary>
/// A portal configured away from the defaults: the FAQ states what this portal does; help texts without Spanish are
/// recorded; signed-in people see the footer's Contact link.
/// </summary>
public sealed class HelpFromConfigurationTests() : PortalTest("aims_test_help")
{
    private readonly ConcurrentBag<string> withoutSpanish = [];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Aims:Identity:OneTimeCodes:Lifetime"] = "00:25:00",
        ["Aims:Identity:Lockout:MaxFailures"] = "5",
        ["Aims:Identity:Lockout:Duration"] = "00:45:00",
        ["Aims:Identity:Sessions:IdleTimeout"] = "00:20:00",
        ["Aims:Mail:From"] = "Virginia Appeals <codes@appeals.example.gov>",
        ["Aims:AppealRules:McoHearingRequestDays"] = "100",
        ["Aims:AppealRules:ProviderInformalFilingDays"] = "45",
        ["Aims:Contact:HelplinePhone"] = "804-555-0199",
        ["Aims:Contact:HelpMailbox"] = "portal-help@appeals.example.gov",
        ["Aims:Contact:RetryAfterMinutes"] = "7",
        ["Aims:AppealRules:ClientFilingDays"] = "35",
        ["Aims:AppealRules:ClientNoticeReceiptDays"] = "6",
        ["Aims:AppealRules:ContinuationOfBenefitsDays"] = "12",
        ["Aims:AppealRules:ClientDecisionDays"] = "80",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(provider =>
            new RecordingFactory(provider.GetRequiredService<ResourceManagerStringLocalizerFactory>(), withoutSpanish));
    }

    [Test]
    public async Task The_code_page_states_the_configured_code_lifetime()
    {
        await CreateAccountAsync("help.code@example.com");
        using var browser = NewBrowser();

        var started = await browser.StartAsync("help.code@example.com", Password);

        var code = await browser.GetAsync(started.Location!);
        code.Text.ShouldContain("It works once, for 25 minutes.");
        code.Text.ShouldNotContain("40 minutes");
    }

    [Test]
    public async Task The_sign_in_and_locked_pages_state_the_configured_lockout()
    {
        await CreateAccountAsync("help.lockout@example.com");
        using var browser = NewBrowser();

        var wrong = await browser.StartAsync("help.lockout@example.com", "not-the-password");

        wrong.Text.ShouldContain("4 more wrong attempts will lock the account for 45 minutes.");
        (await browser.GetAsync("/account/locked")).Text.ShouldContain("The account unlocks automatically after 45 minutes");
        await browser.ChooseLanguageAsync("es");
        (await browser.GetAsync("/account/locked")).Text.ShouldContain("La cuenta se desbloquea automáticamente después de 45 minutos");
    }

    [Test]
    public async Task The_faq_answers_follow_the_configuration()
    {
        using var browser = NewBrowser();

        var client = (await browser.GetAsync("/help/faq/client")).Text;
        var provider = (await browser.GetAsync("/help/faq/provider")).Text;

        client.ShouldContain("A one-time code works once, for 25 minutes.");
        client.ShouldContain("After 5 wrong passwords or codes in a row");
        client.ShouldContain("It unlocks by itself after 45 minutes");
        client.ShouldContain("signed out after 20 minutes without activity");
        client.ShouldContain("Codes come from codes@appeals.example.gov.");
        client.ShouldContain("call the AIMS helpline at 804-555-0199");
        client.ShouldContain("within 100 days of the MCO's final decision");
        provider.ShouldContain("File an informal appeal within 45 days of receiving the notice of adverse action.");
        provider.ShouldNotContain("40 minutes");
    }

    /// <summary>
    /// Issue 22: numbers on the pages come from settings, not typed text. Each page below states a setting this portal
    /// changed, and no longer the default.
    /// </summary>
    [Test]
    public async Task The_retry_advice_the_help_mailbox_and_the_filing_days_follow_the_settings()
    {
        using var visitor = NewBrowser();

        var contact = (await visitor.GetAsync("/contact")).Text;
        contact.ShouldContain("If registering fails, retry after 7 minutes");
        contact.ShouldContain("portal-help@appeals.example.gov");
        contact.ShouldNotContain("MES-Assist@dmas.virginia.gov");
        (await visitor.GetAsync("/help/faq/agency")).Text.ShouldContain("Try again after 7 minutes");
        var registration = (await visitor.GetAsync("/registration/agency")).Text;
        registration.ShouldContain("If registering fails, please retry after 7 minutes before you call.");
        registration.ShouldNotContain("5 minutes");
        (await visitor.GetAsync("/account/sign-up")).Text.ShouldContain("At least 12 characters, with an upper-case letter");

        // The outage page (the database unreachable is a 503) gives the same advice from the same setting.
        var outage = await visitor.GetAsync("/Error?status=503");
        outage.Status.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        outage.Text.ShouldContain("The portal cannot reach its records right now. Please retry after 7 minutes");
        await visitor.ChooseLanguageAsync("es");
        (await visitor.GetAsync("/Error?status=503")).Text.ShouldContain("Vuelva a intentarlo después de 7 minutos");

        await CreateAccountAsync("help.filer@example.com", Role.ClientAppellant);
        using var client = NewBrowser();
        await client.SignInAsync(ConnectionString, "help.filer@example.com", Password);
        var filing = (await client.GetAsync("/appeals/file/client")).Text;
        filing.ShouldContain("The appeal is due 35 days after you received the notice (we count it as received 6 days after the date on it).");
        filing.ShouldContain("Ask for an expedited appeal when waiting the usual time (up to 80 days)");
        filing.ShouldNotContain("30 days");
        await CreateAccountAsync("help.provider.filer@example.com", Role.ProviderUser);
        using var provider = NewBrowser();
        await provider.SignInAsync(ConnectionString, "help.provider.filer@example.com", Password);
        (await provider.GetAsync("/appeals/file/informal")).Text.ShouldContain("The appeal is due 45 days after you received the notice.");
    }

    [Test]
    public async Task Every_help_page_reads_in_Spanish_with_no_text_left_untranslated()
    {
        using var browser = NewBrowser();
        await browser.ChooseLanguageAsync("es");

        var pages = new Dictionary<string, string>();
        foreach (var path in HelpPagesTests.HelpPages())
        {
            pages[path] = (await browser.GetAsync(path)).Text;
        }

        withoutSpanish.ShouldBeEmpty();
        pages["/help"].ShouldContain("Preguntas de proveedores");
        pages["/help/faq/client"].ShouldContain("Un código de un solo uso funciona una vez, durante 25 minutos.");
        pages["/help/faq/client"].ShouldContain("Se desbloquea sola después de 45 minutos");
        pages["/contact"].ShouldContain("vuelva a intentarlo después de 7 minutos");
        (await browser.GetAsync("/help/guide/withdraw")).Html.ShouldContain("/help/guide/withdraw/confirm.es.png");
        pages["/help/guide/withdraw"].ShouldContain("Paso 3");
        (await browser.GetAsync("/")).Html.ShouldContain("href=\"/help\">Ayuda</a>");
    }

    [Test]
    public async Task The_footer_links_to_contact_on_public_signed_in_and_staff_pages()
    {
        await CreateAccountAsync("help.provider@example.com");
        await CreateAccountAsync("help.caseworker@dmas.virginia.gov", Role.CaseWorker, staff: true);
        using var visitor = NewBrowser();
        using var provider = NewBrowser();
        using var staff = NewBrowser();
        await provider.SignInAsync(ConnectionString, "help.provider@example.com", Password);
        await staff.SignInAsync(ConnectionString, "help.caseworker@dmas.virginia.gov", Password, staff: true);

        foreach (var (browser, path) in new[] { (visitor, "/"), (visitor, "/account/sign-in"), (provider, "/account/profile"), (provider, "/appeals"), (staff, "/staff/intake") })
        {
            var page = await browser.GetAsync(path);
            page.Status.ShouldBe(System.Net.HttpStatusCode.OK, path);
            HelpMarkup.FooterLinksToContact(page.Html).ShouldBeTrue(path);
        }
    }

    /// <summary>Lets the host's localizers work as usual, noting each help text looked up in Spanish that had no entry.</summary>
    private sealed class RecordingFactory(IStringLocalizerFactory inner, ConcurrentBag<string> missing) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) =>
            resourceSource == typeof(HelpText) ? new Recording(inner.Create(resourceSource), missing) : inner.Create(resourceSource);

        public IStringLocalizer Create(string baseName, string location) => inner.Create(baseName, location);
    }

    private sealed class Recording(IStringLocalizer inner, ConcurrentBag<string> missing) : IStringLocalizer
    {
        public LocalizedString this[string name] => Note(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Note(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Note(LocalizedString text)
        {
            if (text.ResourceNotFound && CultureInfo.CurrentUICulture.Equals(PortalLanguages.Spanish))
            {
                missing.Add(text.Name);
            }

            return text;
        }
    }
}
