using System.Net;
using Aims.Testing;

namespace Aims.IntegrationTests.Registration;

/// <summary>
/// The public access request: every field checked beside it, one pending request per email, a confirmation with the
/// 2-business-day promise and a status link, and nothing written when anything fails.
/// </summary>
public sealed class AccessRequestTests() : RegistrationTest("aims_test_access_requests")
{
    [Test]
    public async Task A_request_is_confirmed_by_page_and_email_with_the_day_after_which_to_call()
    {
        const string email = "jordan@henrico.example";
        using var browser = NewBrowser();

        var sent = await SubmitAsync(browser, RequestFields(email));

        sent.Location.ShouldBe("/registration/received");
        var received = await browser.GetAsync(sent.Location!);
        received.Text.ShouldContain("Your request is pending review");
        received.Text.ShouldContain("within 2 business days, call the appeals team at 804-486-2865");
        var confirmation = (await EmailsToAsync(email)).Single();
        confirmation.Subject.ShouldBe("Your AIMS access request is pending review");
        // Submitted Monday, November 23, 2026: two business days later is Wednesday the 25th.
        confirmation.TextBody.ShouldContain("If you have no reply by the end of Wednesday, November 25, 2026 (2 business days), call the appeals team at 804-486-2865.");
        var statusLink = new Uri(confirmation.TextBody.Split('\n').Single(l => l.Contains("/registration/status?token=")).Trim());
        var status = await browser.GetAsync(statusLink.PathAndQuery);
        status.Text.ShouldContain("Henrico County Department of Social Services");
        status.Text.ShouldContain("Pending");
    }

    [Test]
    public async Task A_request_the_day_before_thanksgiving_has_until_the_following_tuesday()
    {
        const string email = "pat@thanksgiving.example";
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero)); // Wednesday 10:00 Eastern
        using var browser = NewBrowser();

        await SubmitAsync(browser, RequestFields(email, "Thanksgiving Test Agency"));

        // Thursday the 26th and Friday the 27th are Virginia holidays, so the two business days are Nov 30 and Dec 1.
        (await EmailsToAsync(email)).Single().TextBody.ShouldContain("by the end of Tuesday, December 1, 2026");
    }

    [Test]
    public async Task A_second_pending_request_from_the_same_email_is_refused_and_allowed_again_once_decided()
    {
        const string email = "twice@agency.example";
        using var browser = NewBrowser();
        await SubmitAsync(browser, RequestFields(email));

        var again = await SubmitAsync(browser, RequestFields(email.ToUpperInvariant()));

        again.Status.ShouldBe(HttpStatusCode.OK);
        again.Text.ShouldContain("A request from this email address is already waiting for review.");
        (await ScalarAsync("SELECT count(*) FROM registration.access_requests WHERE normalized_email = upper(@p)", email)).ShouldBe(1L);

        using var admin = await AdministratorAsync();
        await admin.PostAsync($"/admin/registrations/{await RequestIdAsync(email)}", new Dictionary<string, string?> { ["Reason"] = "Not an agency we work with." },
            $"/admin/registrations/{await RequestIdAsync(email)}?handler=Deny");
        (await SubmitAsync(browser, RequestFields(email))).Location.ShouldBe("/registration/received");
    }

    [TestCase("Form.Zip", "2322", "Enter a 5-digit ZIP code or ZIP+4 (for example 23219 or 23219-1234).")]
    [TestCase("Form.Zip", "23228-12", "Enter a 5-digit ZIP code or ZIP+4 (for example 23219 or 23219-1234).")]
    [TestCase("Form.State", "XX", "Choose a state.")]
    [TestCase("Form.Phone", "501-4000", "Enter a 10-digit US phone number, for example 804-486-2865.")]
    [TestCase("Form.SupervisorPhone", "", "Enter your supervisor's phone number.")]
    [TestCase("Form.Mobile", "12345", "Enter a 10-digit US phone number, for example 804-486-2865.")]
    [TestCase("Form.Email", "jordan@", "Enter an email address like name@example.com.")]
    [TestCase("Form.AgencyName", "", "Enter the agency's name.")]
    [TestCase("Form.AgencyType", "", "Choose the kind of agency or contractor.")]
    [TestCase("Form.MayActForAgency", "false", "Confirm that you may act on behalf of the agency.")]
    public async Task Each_bad_field_gets_its_message_beside_it_and_nothing_is_stored(string field, string value, string message)
    {
        var email = $"bad.{Guid.NewGuid():N}@agency.example";
        var fields = RequestFields(email);
        fields[field] = value;
        using var browser = NewBrowser();

        var answer = await SubmitAsync(browser, fields);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain(message);
        answer.Html.ShouldContain($"id=\"{field.Replace('.', '_')}-error\"");
        (await ScalarAsync("SELECT count(*) FROM registration.access_requests WHERE email = @p", email)).ShouldBe(0L);
        (await EmailsToAsync(email)).ShouldBeEmpty();
    }

    [Test]
    public async Task A_ZIP_plus_4_is_accepted()
    {
        const string email = "zip4@agency.example";
        var fields = RequestFields(email);
        fields["Form.Zip"] = "23228-1234";
        using var browser = NewBrowser();

        (await SubmitAsync(browser, fields)).Location.ShouldBe("/registration/received");
    }

    [Test]
    public async Task Without_a_solved_bot_check_nothing_is_stored()
    {
        const string email = "robot@agency.example";
        using var browser = NewBrowser();

        var answer = await browser.PostAsync("/registration/agency", RequestFields(email).Append(new("botcheck", "")));

        answer.Text.ShouldContain("The automatic check did not pass.");
        (await ScalarAsync("SELECT count(*) FROM registration.access_requests WHERE email = @p", email)).ShouldBe(0L);
    }

    [Test]
    public async Task A_status_link_with_a_wrong_secret_is_not_found()
    {
        using var browser = NewBrowser();

        (await browser.GetAsync("/registration/status?token=not-the-secret")).Status.ShouldBe(HttpStatusCode.NotFound);
    }
}
