using System.Net;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// Changing the second-factor contacts in the profile: a new mobile number is used only after its texted code comes
/// back; a new email only after its link is opened, with the old address told at once.
/// </summary>
public sealed partial class ProfileChangesTests() : PortalTest("aims_test_profile_changes")
{
    [Test]
    public async Task A_new_mobile_number_is_verified_by_a_texted_code_then_offered_at_sign_in()
    {
        const string email = "texter@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var sent = await SendCodeAsync(browser, "(804) 555-0123");
        sent.Text.ShouldContain("We texted a code to");
        sent.Text.ShouldContain("0123");
        var code = SixDigits().Match((await OutboxReader.TextsToAsync(ConnectionString, "+18045550123")).Last().Body).Value;
        (await AccountAsync(email)).PhoneNumber.ShouldBeNull(); // nothing changes before the code comes back

        var verified = await VerifyAsync(browser, sent, code);

        verified.Location.ShouldBe("/account/profile");
        var account = await AccountAsync(email);
        account.PhoneNumber.ShouldBe("+18045550123");
        account.PhoneNumberConfirmed.ShouldBeTrue();
        (await EmailsToAsync(email)).ShouldContain(e => e.Subject == "Your AIMS mobile number was changed");
        using var later = NewBrowser();
        (await later.StartAsync(email, Password)).Location.ShouldBe("/account/verify");
    }

    [TestCase("123", "Enter a 10-digit US phone number, for example 804-486-2865.")]
    [TestCase("", "Enter your mobile number.")]
    [TestCase("(104) 555-0123", "Enter a 10-digit US phone number, for example 804-486-2865.")]
    public async Task A_number_that_is_not_a_us_mobile_gets_a_message_beside_the_field(string mobile, string message)
    {
        var email = $"badphone.{Guid.NewGuid():N}@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var answer = await SendCodeAsync(browser, mobile);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain(message);
        answer.Html.ShouldContain("id=\"Mobile-error\"");
    }

    [Test]
    public async Task Wrong_codes_count_towards_the_lockout_and_the_third_ends_the_session()
    {
        const string email = "wrongtext@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        var sent = await SendCodeAsync(browser, "804-555-0144");
        var code = SixDigits().Match((await OutboxReader.TextsToAsync(ConnectionString, "+18045550144")).Last().Body).Value;
        var wrong = code == "111111" ? "222222" : "111111";

        var first = await VerifyAsync(browser, sent, wrong);
        first.Text.ShouldContain("That code is not right.");
        await VerifyAsync(browser, sent, wrong);
        var third = await VerifyAsync(browser, sent, wrong);

        third.Location.ShouldBe("/account/locked");
        (await browser.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
        (await AccountAsync(email)).PhoneNumber.ShouldBeNull();
    }

    [Test]
    public async Task An_altered_pending_change_is_refused()
    {
        const string email = "tamper@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var answer = await browser.PostAsync("/account/mobile", new Dictionary<string, string?> { ["Pending"] = "forged", ["Code"] = "123456" }, "/account/mobile?handler=Verify");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain("Enter your mobile number and send a new code.");
    }

    [Test]
    public async Task Removing_the_mobile_number_leaves_email_codes()
    {
        const string email = "remover@clinic.example";
        await CreateAccountAsync(email, verifiedMobile: "+18045550155");
        using var browser = NewBrowser();
        (await browser.StartAsync(email, Password)).Location.ShouldBe("/account/verify");
        await browser.PostAsync("/account/verify", new Dictionary<string, string?> { ["Method"] = "email" });
        (await browser.EnterCodeAsync(await PortalSignIn.LatestCodeAsync(ConnectionString, email))).Location.ShouldBe("/");

        var removed = await browser.PostAsync("/account/mobile", new Dictionary<string, string?>(), "/account/mobile?handler=Remove");

        removed.Location.ShouldBe("/account/profile");
        (await AccountAsync(email)).PhoneNumber.ShouldBeNull();
        using var later = NewBrowser();
        (await later.StartAsync(email, Password)).Location.ShouldBe("/account/code?via=email");
    }

    [Test]
    public async Task A_new_email_takes_effect_when_its_link_is_opened_and_the_old_address_is_told()
    {
        const string email = "old.address@clinic.example";
        const string newEmail = "new.address@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        using var otherDevice = NewBrowser();
        await otherDevice.SignInAsync(ConnectionString, email, Password);

        var requested = await browser.PostAsync("/account/email", new Dictionary<string, string?> { ["NewEmail"] = newEmail });

        requested.Location.ShouldBe("/account/profile");
        (await EmailsToAsync(email)).ShouldContain(e => e.Subject == "Your AIMS email address is being changed" && e.TextBody.Contains(newEmail));
        (await AccountAsync(email)).ShouldNotBeNull();
        var link = new Uri(Link().Match((await EmailsToAsync(newEmail)).Single(e => e.Subject == "Confirm your new AIMS email address").TextBody).Value);
        (await browser.GetAsync(link.PathAndQuery)).Text.ShouldContain("Confirm my new email address");
        var confirmed = await browser.PostAsync(link.PathAndQuery, QueryOf(link));

        confirmed.Text.ShouldContain($"Your email address is now {newEmail}.");
        (await browser.GetAsync("/account/profile")).Text.ShouldContain(newEmail);
        (await otherDevice.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
        using var later = NewBrowser();
        (await later.StartAsync(newEmail, Password)).Location.ShouldBe("/account/code?via=email");
        (await later.StartAsync(email, Password)).Status.ShouldBe(HttpStatusCode.OK); // the old address no longer signs in
        (await browser.PostAsync(link.PathAndQuery, QueryOf(link))).Text.ShouldContain("This link does not work");
    }

    [Test]
    public async Task An_address_that_already_has_an_account_gets_a_notice_and_the_page_says_the_same()
    {
        const string email = "mover@clinic.example";
        const string taken = "taken@clinic.example";
        await CreateAccountAsync(email);
        await CreateAccountAsync(taken);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var requested = await browser.PostAsync("/account/email", new Dictionary<string, string?> { ["NewEmail"] = taken });

        requested.Location.ShouldBe("/account/profile");
        var toTaken = await EmailsToAsync(taken);
        toTaken.ShouldContain(e => e.Subject.Contains("Someone tried", StringComparison.Ordinal));
        toTaken.ShouldNotContain(e => e.Subject == "Confirm your new AIMS email address");
        (await AccountAsync(email)).Email.ShouldBe(email);
    }

    [TestCase("clinic.example", "name@dmas.virginia.gov", "Agency addresses are for staff accounts")]
    [TestCase("dmas.virginia.gov", "someone@gmail.example", "Staff accounts use an agency address")]
    [TestCase("clinic.example", "not-an-address", "Enter an email address like name@example.com.")]
    public async Task Staff_stay_on_the_agency_domain_and_others_off_it(string domain, string newEmail, string message)
    {
        var email = $"domain.{Guid.NewGuid():N}@{domain}";
        var staff = domain == "dmas.virginia.gov";
        await CreateAccountAsync(email, staff ? Role.CaseWorker : Role.ProviderUser, staff);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password, staff);

        var answer = await browser.PostAsync("/account/email", new Dictionary<string, string?> { ["NewEmail"] = newEmail });

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain(message);
        answer.Html.ShouldContain("id=\"NewEmail-error\"");
    }

    [Test]
    public async Task A_changed_link_does_not_work()
    {
        const string email = "link.tamper@clinic.example";
        var id = await CreateAccountAsync(email);
        using var browser = NewBrowser();

        var answer = await browser.PostAsync("/account/confirm-new-email", new Dictionary<string, string?>
        {
            ["user"] = id.ToString(), ["email"] = "attacker@evil.example", ["token"] = "CfDJ8forged",
        });

        answer.Text.ShouldContain("This link does not work");
        (await AccountAsync(email)).Email.ShouldBe(email);
    }

    private static Task<FormClient.Page> SendCodeAsync(FormClient browser, string mobile) =>
        browser.PostAsync("/account/mobile", new Dictionary<string, string?> { ["Mobile"] = mobile }, "/account/mobile?handler=Send");

    private static Task<FormClient.Page> VerifyAsync(FormClient browser, FormClient.Page sent, string code) =>
        browser.PostWithTokenAsync("/account/mobile?handler=Verify", new Dictionary<string, string?>
        {
            ["Pending"] = System.Net.WebUtility.HtmlDecode(PendingField().Match(sent.Html).Groups[1].Value),
            ["Code"] = code,
        }, sent.AntiforgeryToken);

    private static Dictionary<string, string?> QueryOf(Uri link) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    [GeneratedRegex("name=\"Pending\" value=\"([^\"]+)\"")]
    private static partial Regex PendingField();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
