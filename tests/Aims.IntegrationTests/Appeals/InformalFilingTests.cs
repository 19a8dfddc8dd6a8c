using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Aims.Appeals.Model;
using Aims.Appeals.Persistence;
using Aims.BuildingBlocks.Persistence;
using Aims.Registration.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Aims.IntegrationTests.Appeals;

/// <summary>
/// A provider's informal appeal (12VAC30-20-540): 30 days from receipt (mail +3), rolled past weekends and holidays;
/// late ones accepted and marked; an MCO action needs the MCO's final letter; one appeal per submitted form.
/// </summary>
public sealed partial class InformalFilingTests() : AppealsTest("aims_test_appeals_informal")
{
    [Test]
    public async Task Filing_on_the_thirtieth_day_is_on_time_with_a_case_number_a_confirmation_and_the_agency_told()
    {
        // Today is Monday 11/23/2026; an emailed notice of 10/24 counts as received that day, so day 30 is today.
        var agency = await AgencyAsync(AgencyType.ProviderAgency, "Myers and Stauffer", "coordinator.one@mslc.example");
        var (browser, provider) = await ProviderAsync("filer.ontime@clinic.example");

        var id = await FileAsync(browser, "/appeals/file/informal", InformalFields(provider, "10/24/2026", agencyId: agency));

        var confirmation = await browser.GetAsync($"/appeals/{id}/filed");
        var caseNumber = CaseNumber().Match(confirmation.Text).Value;
        caseNumber.ShouldNotBeEmpty(confirmation.Text);
        confirmation.Text.ShouldContain("Last day to file Monday, November 23, 2026");
        confirmation.Text.ShouldContain("On time? Yes");
        confirmation.Text.ShouldContain("Informal decision due Saturday, May 22, 2027");
        confirmation.Text.ShouldContain("804-371-8488");
        var email = (await AppealEmailsToAsync("filer.ontime@clinic.example")).Single();
        email.Subject.ShouldBe($"Appeal {caseNumber} received");
        email.TextBody.ShouldContain("It was filed on time: the notice counts as received Saturday, October 24, 2026, and the last day to file was Monday, November 23, 2026.");

        await DeliverAsync();
        var notice = (await AppealEmailsToAsync("coordinator.one@mslc.example")).Single();
        notice.Subject.ShouldBe($"New appeal {caseNumber} names your agency");
        notice.TextBody.ShouldContain($"/appeals/{id}");
    }

    [Test]
    public async Task A_filing_whose_step_after_the_append_fails_leaves_no_event_no_row_and_no_outgoing_message()
    {
        // The filing's announcement is the Wolverine envelope written after the appeal's Marten event, its list row, its
        // filing key and its decision clock, in the same transaction: a trigger refuses the envelope, so the Marten append
        // and the EF rows must roll back with it (ADR 0034, ADR 0035).
        var (browser, provider) = await ProviderAsync("filer.atomic@clinic.example", "Atomic Failure Clinic");
        var userId = await UserIdAsync("filer.atomic@clinic.example");
        const string Envelopes = "SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE position(convert_to('Atomic Failure Clinic', 'UTF8') in body) > 0";
        // The account's own emails (Wolverine envelopes too, ADR 0047) may name the clinic already: only new ones count.
        var before = (Events: await CountAsync("SELECT count(*) FROM appeals.mt_events"), Messages: await CountAsync("SELECT count(*) FROM notifications.outgoing"),
            Envelopes: await CountAsync(Envelopes));
        await ExecuteAsync(
            """
            CREATE FUNCTION wolverine.refuse_atomic() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF position(convert_to('Atomic Failure Clinic', 'UTF8') in NEW.body) > 0 THEN RAISE EXCEPTION 'announcement refused by the test'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_atomic BEFORE INSERT ON wolverine.wolverine_incoming_envelopes FOR EACH ROW EXECUTE FUNCTION wolverine.refuse_atomic();
            """, new());
        try
        {
            var failed = await browser.PostAsync("/appeals/file/informal", InformalFields(provider, "11/16/2026"));
            failed.Status.ShouldBe(HttpStatusCode.OK);
            failed.Text.ShouldContain("We could not file the appeal just now, and nothing was saved.");
        }
        finally
        {
            await ExecuteAsync("DROP TRIGGER refuse_atomic ON wolverine.wolverine_incoming_envelopes; DROP FUNCTION wolverine.refuse_atomic()", new());
        }

        (await CountAsync("SELECT count(*) FROM appeals.mt_events")).ShouldBe(before.Events);
        (await CountAsync("SELECT count(*) FROM appeals.mt_streams s WHERE NOT EXISTS (SELECT 1 FROM appeals.appeal_summaries a WHERE a.id = s.id)")).ShouldBe(0L);
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE appellant_name = 'Atomic Failure Clinic'")).ShouldBe(0L);
        (await CountAsync("SELECT count(*) FROM appeals.filing_keys WHERE user_id = @p", userId)).ShouldBe(0L);
        // Nor any email queued, nor any envelope (events, reminders, emails).
        (await CountAsync("SELECT count(*) FROM notifications.outgoing")).ShouldBe(before.Messages);
        (await CountAsync(Envelopes)).ShouldBe(before.Envelopes);
        (await AppealEmailsToAsync("filer.atomic@clinic.example")).ShouldBeEmpty();

        // Nothing was left half-written: the same form files normally once the fault is gone.
        var id = await FileAsync(browser, "/appeals/file/informal", InformalFields(provider, "11/16/2026"));
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p", id)).ShouldBe(1L);
        (await CountAsync(Envelopes)).ShouldBeGreaterThan(0L);
    }

    [Test]
    public async Task An_append_after_loading_the_appeal_reads_its_stream_once_and_every_event_carries_the_portal_clock()
    {
        // Filed Monday 23 Nov 2026 at 14:00 UTC; withdrawn Wednesday 25 Nov at 15:30 UTC by the portal's clock (ADR 0036).
        var filedAt = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
        Clock.SetUtcNow(filedAt);
        var (browser, provider) = await ProviderAsync("filer.once@clinic.example");
        var id = await FileAsync(browser, "/appeals/file/informal", InformalFields(provider, "11/16/2026"));
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 15, 30, 0, TimeSpan.Zero));

        long streamReads;
        await using (var scope = Portal.Services.CreateAsyncScope())
        using (var statements = new StatementsInThisFlow("appeals.mt_events"))
        {
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            var store = scope.ServiceProvider.GetRequiredService<EventStreams>();
            await session.BeginAsync(CancellationToken.None);
            var appeal = (await store.LoadAppealAsync(id, CancellationToken.None))!;
            await store.AppendAsync(id, appeal.Version, [new WithdrawnByAppellant(new Person(Guid.NewGuid(), "Pat Filer"), new DateOnly(2026, 11, 25), null)], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
            streamReads = statements.Count;
        }

        // The load read the stream; the list projection folded those events and the new one without reading it again.
        streamReads.ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE id = @p AND status = 'Withdrawn' AND version = 2", id)).ShouldBe(1L);
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND version = 1 AND timestamp = '2026-11-23 14:00:00+00'", id)).ShouldBe(1L);
        (await CountAsync("SELECT count(*) FROM appeals.mt_events WHERE stream_id = @p AND version = 2 AND timestamp = '2026-11-25 15:30:00+00'", id)).ShouldBe(1L);
    }

    [Test]
    public async Task Filing_on_the_thirty_first_day_is_accepted_but_marked_untimely_with_its_dates()
    {
        // Tuesday 12/01/2026: an emailed notice of 10/31 had its 30th day on Monday 11/30.
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
        var (browser, provider) = await ProviderAsync("filer.late@clinic.example");

        var checkedPage = await browser.PostAsync("/appeals/file/informal", InformalFields(provider, "10/31/2026"), "/appeals/file/informal?handler=Check");
        checkedPage.Text.ShouldContain("The last day to file is Monday, November 30, 2026");
        checkedPage.Text.ShouldContain("Filed today, the appeal is late.");
        var id = await FileAsync(browser, "/appeals/file/informal", InformalFields(provider, "10/31/2026"));

        var detail = await browser.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain("Last day to file 11/30/2026 — filed late: the Appeals Division decides whether there was good cause");
        detail.Text.ShouldContain("after the last day to file (11/30/2026); marked untimely");
        (await ScalarAsync("SELECT timely FROM appeals.appeal_summaries WHERE id = @p", id)).ShouldBe(false);
    }

    [Test]
    public async Task A_mailed_notice_counts_from_three_days_later_and_a_last_day_on_a_weekend_moves_to_monday()
    {
        // Mailed 10/20 → received 10/23; day 30 is Sunday 11/22 → Monday 11/23, today: on time.
        var (browser, provider) = await ProviderAsync("filer.mail@clinic.example");

        var id = await FileAsync(browser, "/appeals/file/informal", InformalFields(provider, "10/20/2026", receivedBy: "Mail"));

        var detail = await browser.GetAsync($"/appeals/{id}");
        detail.Text.ShouldContain("Dated 10/20/2026, received by mail (counts as received 10/23/2026)");
        detail.Text.ShouldContain("Last day to file 11/23/2026 — filed on time");
    }

    [Test]
    public async Task A_last_day_on_thanksgiving_moves_past_the_holidays_and_the_weekend()
    {
        // Emailed 10/27 → day 30 is Thursday 11/26 (Thanksgiving); Friday 11/27 is a state holiday too → Monday 11/30.
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.Zero));
        var (browser, provider) = await ProviderAsync("filer.holiday@clinic.example");

        var id = await FileAsync(browser, "/appeals/file/informal", InformalFields(provider, "10/27/2026"));

        (await browser.GetAsync($"/appeals/{id}")).Text.ShouldContain("Last day to file 11/30/2026 — filed on time");
    }

    [Test]
    public async Task An_action_by_an_mco_needs_the_date_of_the_mcos_final_letter_first()
    {
        var (browser, provider) = await ProviderAsync("filer.mco@clinic.example");
        var fields = InformalFields(provider, "11/10/2026");
        fields["Form.FromMco"] = "yes";

        var refused = await browser.PostAsync("/appeals/file/informal", fields);

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text.ShouldContain("An MCO's action is appealed to the MCO first.");
        refused.Html.ShouldContain("id=\"Form_McoFinalLetterDate-error\"");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(0L);

        fields["Form.McoFinalLetterDate"] = "11/05/2026";
        var id = await FileAsync(browser, "/appeals/file/informal", fields);
        (await browser.GetAsync($"/appeals/{id}")).Text.ShouldContain("MCO final reconsideration letter 11/05/2026");
    }

    [TestCase("Form.NoticeDate", "13/45/2026", "Enter the date like 04/27/2026.")]
    [TestCase("Form.NoticeDate", "12/25/2026", "The notice date cannot be after today.")]
    [TestCase("Form.ReceivedBy", "Pigeon", "Choose how the notice reached you.")]
    [TestCase("Form.ActionType", "", "Choose the kind of action you are appealing.")]
    [TestCase("Form.Items[0].Amount", "twelve dollars", "Enter the amount in dollars, for example 1250.00.")]
    [TestCase("Form.Items[0].Reason", "", "Say why this is disputed.")]
    [TestCase("Form.ContactPhone", "555", "Enter a 10-digit US phone number")]
    [TestCase("Form.ContactEmail", "not-an-email", "Enter an email address like name@example.com.")]
    [TestCase("Form.DesiredOutcome", "", "Say what outcome you want.")]
    public async Task Bad_input_is_named_beside_its_field_and_nothing_is_filed(string field, string value, string message)
    {
        var email = $"bad.{Guid.NewGuid():N}@clinic.example";
        var (browser, provider) = await ProviderAsync(email);
        var fields = InformalFields(provider, "11/10/2026");
        fields[field] = value;

        var answer = await browser.PostAsync("/appeals/file/informal", fields);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain(message);
        answer.Html.ShouldContain($"id=\"{Regex.Replace(field, @"[.\[\]]", "_")}-error\"");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(0L);
        (await AppealEmailsToAsync(email)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_provider_the_filer_does_not_act_for_is_refused_and_no_items_at_all_is_refused()
    {
        var (_, otherProvider) = await ProviderAsync("other.owner@clinic.example", "Shenandoah Pediatrics");
        var (browser, provider) = await ProviderAsync("filer.wrongprovider@clinic.example");

        var foreign = await browser.PostAsync("/appeals/file/informal", InformalFields(otherProvider, "11/10/2026"));
        foreign.Text.ShouldContain("Choose a provider you act for.");

        var empty = InformalFields(provider, "11/10/2026");
        empty["Form.Items[0].Reference"] = empty["Form.Items[0].Amount"] = empty["Form.Items[0].Reason"] = "";
        (await browser.PostAsync("/appeals/file/informal", empty)).Text.ShouldContain("Name at least one disputed adjustment or claim.");
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id IN (@p)", otherProvider)).ShouldBe(0L);
    }

    [Test]
    public async Task The_same_form_submitted_twice_at_once_files_one_appeal()
    {
        var (browser, provider) = await ProviderAsync("filer.double@clinic.example");
        var fields = InformalFields(provider, "11/10/2026");
        fields["FilingKey"] = Guid.NewGuid().ToString();
        var token = (await browser.GetAsync("/appeals/file/informal")).AntiforgeryToken;

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => browser.PostWithTokenAsync("/appeals/file/informal", fields, token)));

        answers.Select(a => a.Location).Distinct().Count().ShouldBe(1, string.Join(" | ", answers.Select(a => a.Status + " " + a.Location)));
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(1L);
        (await AppealEmailsToAsync("filer.double@clinic.example")).Count.ShouldBe(1);
    }

    [Test]
    public async Task A_draft_is_saved_half_done_resumed_filed_once_and_is_nobody_elses()
    {
        var (browser, provider) = await ProviderAsync("filer.draft@clinic.example");
        var half = new Dictionary<string, string?> { ["Form.ProviderId"] = provider.ToString(), ["Form.NoticeDate"] = "11/10/2026", ["Form.Items[0].Reference"] = "ADJ-77" };

        var saved = await browser.PostAsync("/appeals/file/informal", half, "/appeals/file/informal?handler=Save");

        saved.Location.ShouldNotBeNull();
        saved.Location.ShouldStartWith("/appeals/file/informal?draft=");
        (await browser.GetAsync("/appeals")).Html.ShouldContain(saved.Location.Replace("&", "&amp;"));
        var resumed = await browser.GetAsync(saved.Location);
        resumed.Html.ShouldContain("value=\"ADJ-77\"");
        resumed.Html.ShouldContain("value=\"11/10/2026\"");
        using var stranger = await SignedInAsync("stranger.draft@clinic.example", Aims.Identity.Contracts.Role.ProviderUser);
        (await stranger.GetAsync(saved.Location)).Status.ShouldBe(HttpStatusCode.NotFound);

        var draftId = Guid.Parse(saved.Location.Split('=')[1]);
        var token = resumed.AntiforgeryToken;
        var first = await browser.PostWithTokenAsync(saved.Location, InformalFields(provider, "11/10/2026"), token);
        first.Location.ShouldNotBeNull(first.Text);
        first.Location.ShouldEndWith("/filed");
        (await CountAsync("SELECT count(*) FROM appeals.mt_doc_appeal_draft WHERE id = @p", draftId)).ShouldBe(0L);
        (await browser.GetAsync(saved.Location)).Status.ShouldBe(HttpStatusCode.NotFound);

        // The draft's tab submitted again (or a second tab with it) finds the appeal it filed.
        (await browser.PostWithTokenAsync(saved.Location, InformalFields(provider, "11/10/2026"), token)).Location.ShouldBe(first.Location);
        (await CountAsync("SELECT count(*) FROM appeals.appeal_summaries WHERE provider_id = @p", provider)).ShouldBe(1L);
    }
}

/// <summary>
/// Counts the statements Npgsql sends from this test's own flow (its activities under a parent started here, so the
/// relay's work in the background is not counted) whose SQL contains <c>fragment</c>.
/// </summary>
internal sealed class StatementsInThisFlow : IDisposable
{
    private readonly Activity window = new Activity("statements-in-this-flow").Start();
    private readonly ActivityListener listener;
    private long count;

    public StatementsInThisFlow(string fragment)
    {
        var trace = window.TraceId;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                var sql = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() ?? "";
                if (activity.TraceId == trace && sql.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public long Count => Interlocked.Read(ref count);

    public void Dispose()
    {
        listener.Dispose();
        window.Stop();
    }
}
