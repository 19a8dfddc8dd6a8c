using System.Net;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// The seed's sign-in through the real pages: password, then a one-time code (40 minutes, single use, bound to the
/// attempt); one lockout counter for passwords and codes (third failure, 30 minutes); staff on their own path.
/// </summary>
public sealed class SignInFlowTests() : PortalTest("aims_test_sign_in")
{
    [Test]
    public async Task Password_then_the_emailed_code_signs_in_and_the_profile_opens()
    {
        const string email = "morgan@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();

        var started = await browser.StartAsync(email, Password);
        started.Status.ShouldBe(HttpStatusCode.Redirect);
        started.Location.ShouldBe("/account/code?via=email");
        var codePage = await browser.GetAsync(started.Location!);
        codePage.Text.ShouldContain("no-reply@aims.dmas.virginia.gov");
        codePage.Text.ShouldContain("spam");

        // The code as the mail server received it (account emails are plain text), from the address the page names.
        var delivered = (await EmailsToAsync(email)).ShouldHaveSingleItem();
        delivered.Subject.ShouldBe("Your AIMS sign-in code");
        delivered.Delivered!.From.Mailboxes.Single().Address.ShouldBe("no-reply@aims.dmas.virginia.gov");
        var code = System.Text.RegularExpressions.Regex.Match(delivered.TextBody, @"\b\d{6}\b").Value;
        code.ShouldBe(await PortalSignIn.LatestCodeAsync(ConnectionString, email));
        delivered.Delivered!.Body.ShouldNotBeNull().ContentType.MimeType.ShouldBe("text/plain");
        var signedIn = await browser.EnterCodeAsync(code);

        signedIn.Location.ShouldBe("/", signedIn.Text);
        (await browser.GetAsync("/account/profile")).Text.ShouldContain(email);
    }

    [Test]
    public async Task A_code_works_at_39_minutes_59_seconds()
    {
        const string email = "casey@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.StartAsync(email, Password);

        Clock.Advance(TimeSpan.FromMinutes(39) + TimeSpan.FromSeconds(59));

        (await browser.EnterCodeAsync(await PortalSignIn.LatestCodeAsync(ConnectionString, email))).Location.ShouldBe("/");
    }

    [Test]
    public async Task A_code_fails_at_40_minutes_1_second_and_says_it_expired()
    {
        const string email = "drew@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.StartAsync(email, Password);
        var code = await PortalSignIn.LatestCodeAsync(ConnectionString, email);

        Clock.Advance(TimeSpan.FromMinutes(40) + TimeSpan.FromSeconds(1));
        var answer = await browser.EnterCodeAsync(code);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain("This code has expired. Send a new code.");
        (await browser.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
    }

    [Test]
    public async Task A_used_code_replayed_with_a_copy_of_the_pending_sign_in_says_it_was_already_used()
    {
        const string email = "devon@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        var started = await browser.StartAsync(email, Password);
        var pendingCookie = started.Headers["Set-Cookie"].Split(';')[0];
        var code = await PortalSignIn.LatestCodeAsync(ConnectionString, email);
        (await browser.EnterCodeAsync(code)).Location.ShouldBe("/");

        using var replay = Portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", pendingCookie);
        using var shown = await replay.GetAsync("/account/code?via=email");
        var antiforgeryCookie = string.Join(";", shown.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(await shown.Content.ReadAsStringAsync(), "__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)").Groups[1].Value;
        replay.DefaultRequestHeaders.Remove("Cookie");
        replay.DefaultRequestHeaders.Add("Cookie", $"{pendingCookie}; {antiforgeryCookie}");
        using var answer = await replay.PostAsync("/account/code?via=email", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = token }));

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("This code was already used.");
    }

    [Test]
    public async Task An_expired_code_within_a_fresh_attempt_says_so()
    {
        const string email = "emery@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.StartAsync(email, Password);
        var first = await PortalSignIn.LatestCodeAsync(ConnectionString, email);

        // A second code in the same attempt replaces the first.
        await browser.PostAsync("/account/code?via=email", new Dictionary<string, string?>(), "/account/code?handler=Resend&via=email");
        var second = await PortalSignIn.LatestCodeAsync(ConnectionString, email);
        second.ShouldNotBe(first);

        var answer = await browser.EnterCodeAsync(first);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain("A newer code was sent");
        (await browser.EnterCodeAsync(second)).Location.ShouldBe("/");
    }

    [Test]
    public async Task A_malformed_code_gets_a_message_beside_the_field_and_does_not_count()
    {
        const string email = "finley@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.StartAsync(email, Password);

        for (var i = 0; i < 3; i++)
        {
            var answer = await browser.EnterCodeAsync("12ab");
            answer.Status.ShouldBe(HttpStatusCode.OK);
            answer.Html.ShouldContain("id=\"Code-error\"");
            answer.Text.ShouldContain("Enter the 6 digits of the code");
        }

        (await browser.EnterCodeAsync(await PortalSignIn.LatestCodeAsync(ConnectionString, email))).Location.ShouldBe("/");
    }

    [Test]
    public async Task The_third_wrong_password_locks_the_account_for_30_minutes_and_emails_the_owner()
    {
        const string email = "harper@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();

        var first = await browser.StartAsync(email, "Wrong-Password-1!");
        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Text.ShouldContain("2 more wrong attempts will lock the account for 30 minutes");
        (await browser.StartAsync(email, "Wrong-Password-2!")).Text.ShouldContain("One more wrong attempt will lock");
        (await browser.StartAsync(email, "Wrong-Password-3!")).Location.ShouldBe("/account/locked");

        var locked = await browser.GetAsync("/account/locked");
        locked.Text.ShouldContain("unlocks automatically after 30 minutes");
        locked.Text.ShouldContain("804-486-2865");
        (await EmailsToAsync(email)).ShouldContain(e => e.Subject.Contains("locked"));

        // The right password during the lock gets the same locked answer: the lock does not reveal it.
        Clock.Advance(TimeSpan.FromMinutes(29));
        (await browser.StartAsync(email, Password)).Location.ShouldBe("/account/locked");

        Clock.SetUtcNow(Start.AddMinutes(30));
        (await browser.SignInAsync(ConnectionString, email, Password)).Location.ShouldBe("/");
    }

    [Test]
    public async Task Wrong_codes_count_towards_the_same_lockout_as_wrong_passwords()
    {
        const string email = "jules@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();

        await browser.StartAsync(email, "Wrong-Password-1!");
        await browser.StartAsync(email, Password);
        var code = await PortalSignIn.LatestCodeAsync(ConnectionString, email);
        var wrong = code == "000000" ? "111111" : "000000";

        var firstWrong = await browser.EnterCodeAsync(wrong);
        firstWrong.Text.ShouldContain("That code is not right.");
        firstWrong.Text.ShouldContain("One more wrong attempt will lock");

        (await browser.EnterCodeAsync(wrong)).Location.ShouldBe("/account/locked");
        // The right code no longer helps: the pending sign-in ended with the lock.
        (await browser.GetAsync("/account/code?via=email")).Location.ShouldBe("/account/sign-in");
    }

    [Test]
    public async Task A_success_resets_the_failure_count()
    {
        const string email = "kai@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.StartAsync(email, "Wrong-Password-1!");
        await browser.StartAsync(email, "Wrong-Password-2!");

        (await browser.SignInAsync(ConnectionString, email, Password)).Location.ShouldBe("/");

        using var other = NewBrowser();
        (await other.StartAsync(email, "Wrong-Password-3!")).Text.ShouldContain("2 more wrong attempts");
    }

    [Test]
    public async Task An_email_with_no_account_gets_the_same_answers_and_locks_the_same_way()
    {
        const string known = "lee@clinic.example";
        const string unknown = "nobody-here@clinic.example";
        await CreateAccountAsync(known);
        using var browser = NewBrowser();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var forKnown = await browser.StartAsync(known, $"Wrong-Password-{attempt}!");
            var forUnknown = await browser.StartAsync(unknown, $"Wrong-Password-{attempt}!");
            forUnknown.Status.ShouldBe(forKnown.Status);
            forUnknown.Location.ShouldBe(forKnown.Location);
            if (forKnown.Status == HttpStatusCode.OK)
            {
                Message(forUnknown).ShouldBe(Message(forKnown));
            }
        }

        static string Message(FormClient.Page page) => page.Text[page.Text.IndexOf("There is a problem", StringComparison.Ordinal)..][..200];
    }

    [Test]
    public async Task With_a_verified_mobile_the_person_chooses_and_can_go_back_to_pick_the_other_method()
    {
        const string email = "quinn@clinic.example";
        const string mobile = "+18045550142";
        await CreateAccountAsync(email, verifiedMobile: mobile);
        using var browser = NewBrowser();

        (await browser.StartAsync(email, Password)).Location.ShouldBe("/account/verify");
        var choice = await browser.GetAsync("/account/verify");
        choice.Text.ShouldContain("(***) ***-0142");
        choice.Text.ShouldNotContain("5550142");

        (await browser.PostAsync("/account/verify", new Dictionary<string, string?> { ["Method"] = "text" })).Location.ShouldBe("/account/code?via=text");
        var texted = (await OutboxReader.TextsToAsync(ConnectionString, mobile)).Last().Body;
        // No sender number is configured in tests: the page names none rather than "from ." (issue 22).
        var codePage = await browser.GetAsync("/account/code?via=text");
        codePage.Text.ShouldContain("We sent a 6-digit code by text message. It works once, for 40 minutes.");
        codePage.Text.ShouldNotContain("from .");

        // Back to the choice: email instead. The texted code is replaced by the emailed one.
        (await browser.PostAsync("/account/verify", new Dictionary<string, string?> { ["Method"] = "email" })).Location.ShouldBe("/account/code?via=email");
        var emailed = await PortalSignIn.LatestCodeAsync(ConnectionString, email);

        (await browser.EnterCodeAsync(System.Text.RegularExpressions.Regex.Match(texted, @"\d{6}").Value)).Text.ShouldContain("A newer code was sent");
        (await browser.EnterCodeAsync(emailed)).Location.ShouldBe("/");
    }

    [Test]
    public async Task Without_a_verified_mobile_a_text_cannot_be_chosen()
    {
        const string email = "reese@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.StartAsync(email, Password);

        var choice = await browser.GetAsync("/account/verify");
        choice.Html.ShouldNotContain("value=\"text\"");
        var answer = await browser.PostAsync("/account/verify", new Dictionary<string, string?> { ["Method"] = "text" });

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain("Choose how to get your code.");
    }

    [Test]
    public async Task Staff_sign_in_on_the_staff_path_only_and_external_accounts_on_theirs()
    {
        const string staffEmail = "sam.case@dmas.virginia.gov";
        const string externalEmail = "sky@clinic.example";
        await CreateAccountAsync(staffEmail, Role.CaseWorker, staff: true);
        await CreateAccountAsync(externalEmail);
        using var browser = NewBrowser();

        (await browser.StartAsync(staffEmail, Password)).Text.ShouldContain("The email address or password is not right.");
        var notAgency = await browser.StartAsync(externalEmail, Password, staff: true);
        notAgency.Text.ShouldContain("Use your agency email address (…@dmas.virginia.gov).");
        notAgency.Html.ShouldContain("id=\"Form_Email-error\"");

        (await browser.SignInAsync(ConnectionString, staffEmail, Password, staff: true)).Location.ShouldBe("/");
    }

    [TestCase("", "Harbor-Lantern-48!", "Form.Email", "Enter your email address.")]
    [TestCase("not-an-email", "Harbor-Lantern-48!", "Form.Email", "Enter an email address like name@example.com.")]
    [TestCase("taylor@clinic.example", "", "Form.Password", "Enter your password.")]
    public async Task Bad_input_gets_a_message_beside_the_field_and_counts_nothing(string email, string password, string field, string message)
    {
        using var browser = NewBrowser();

        var answer = await browser.StartAsync(email, password);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Html.ShouldContain($"id=\"{field.Replace('.', '_')}-error\"");
        answer.Text.ShouldContain(message);
    }

    [Test]
    public async Task The_helpline_shows_on_the_sign_in_sign_up_lockout_and_reset_pages()
    {
        using var browser = NewBrowser();
        foreach (var page in new[] { "/account/sign-in", "/staff/sign-in", "/account/sign-up", "/account/locked", "/account/forgot-password" })
        {
            var shown = await browser.GetAsync(page);
            shown.Status.ShouldBe(HttpStatusCode.OK, page);
            shown.Text.ShouldContain("Call the AIMS helpline at 804-486-2865", Case.Sensitive, page);
        }
    }
}
