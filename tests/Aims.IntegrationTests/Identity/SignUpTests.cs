using System.Net;
using Aims.Testing;
using Npgsql;

namespace Aims.IntegrationTests.Identity;

/// <summary>Sign-up through the real page: the password policy at its boundaries, email confirmation, no enumeration.</summary>
public sealed class SignUpTests() : PortalTest("aims_test_sign_up")
{
    [Test]
    public async Task Sign_up_then_confirm_then_sign_in_with_the_emailed_code()
    {
        const string email = "avery@homecare.example";
        using var browser = NewBrowser();

        var signedUp = await SignUpAsync(browser, email, "Quiet-Meadow-Walk-9!");
        signedUp.Text.ShouldContain("Check your email");
        (await browser.StartAsync(email, "Quiet-Meadow-Walk-9!")).Text.ShouldContain("Confirm your email address before you sign in");

        var link = (await EmailsToAsync(email)).First(e => e.Subject.Contains("Confirm")).TextBody
            .Split('\n').Single(line => line.Contains("/account/confirm-email"));
        var confirmPath = new Uri(link.Trim()).PathAndQuery;
        (await browser.GetAsync(confirmPath)).Text.ShouldContain("Confirm my email address");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link.Trim()).Query);
        (await browser.PostAsync(confirmPath, new Dictionary<string, string?> { ["user"] = query["user"], ["token"] = query["token"] }))
            .Text.ShouldContain("Your email address is confirmed.");

        (await browser.SignInAsync(ConnectionString, email, "Quiet-Meadow-Walk-9!")).Location.ShouldBe("/");
        (await browser.GetAsync("/account/profile")).Text.ShouldContain("ProviderUser");
        (await browser.GetAsync("/account/activity")).Text.ShouldContain("AccountCreated signed up as ProviderUser");
    }

    [Test]
    public async Task A_tampered_confirmation_link_says_it_does_not_work()
    {
        const string email = "blair@homecare.example";
        using var browser = NewBrowser();
        await SignUpAsync(browser, email, "Quiet-Meadow-Walk-9!");
        var account = await AccountAsync(email);

        var answer = await browser.PostAsync("/account/confirm-email", new Dictionary<string, string?> { ["user"] = account.Id.ToString(), ["token"] = "forged" });

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain("This link does not work");
        (await AccountAsync(email)).EmailConfirmed.ShouldBeFalse();
    }

    [TestCase("Short-Pass1!", null, Description = "12 characters: the minimum is accepted")]
    [TestCase("Sh0rt-Pass1!x", null, Description = "13 characters")]
    [TestCase("Short-Pas1!", "Use at least 12 characters.", Description = "11 characters")]
    [TestCase("no-upper-case-1!", "Include an upper-case letter.")]
    [TestCase("NO-LOWER-CASE-1!", "Include a lower-case letter.")]
    [TestCase("No-Digits-Here-!", "Include a digit.")]
    [TestCase("NoSpecials12345", "Include one of these special characters")]
    [TestCase("Password1234!", "This password is too common")]
    [TestCase("Summer2026!!", "This password is too common")]
    public async Task Passwords_at_the_policy_boundaries(string password, string? problem)
    {
        var email = $"policy-{Guid.NewGuid():N}@homecare.example";
        using var browser = NewBrowser();

        var answer = await SignUpAsync(browser, email, password);

        if (problem is null)
        {
            answer.Text.ShouldContain("Check your email");
            (await AccountAsync(email)).ShouldNotBeNull();
        }
        else
        {
            answer.Html.ShouldContain("id=\"Form_Password-error\"");
            answer.Text.ShouldContain(problem);
            (await AccountAsync(email)).ShouldBeNull();
        }
    }

    [Test]
    public async Task A_64_character_passphrase_is_accepted()
    {
        const string email = "dakota@homecare.example";
        const string passphrase = "Correct horse battery staple; four more words: lantern, harbor 7";
        passphrase.Length.ShouldBe(64);
        using var browser = NewBrowser();

        (await SignUpAsync(browser, email, passphrase)).Text.ShouldContain("Check your email");
    }

    [Test]
    public async Task A_password_containing_the_email_name_is_refused()
    {
        using var browser = NewBrowser();

        var answer = await SignUpAsync(browser, "riverstone@homecare.example", "My-Riverstone-Pass-7!");

        answer.Text.ShouldContain("Do not use your email address in your password.");
    }

    [Test]
    public async Task Every_field_says_what_is_wrong_beside_it_and_nothing_is_written()
    {
        using var browser = NewBrowser();
        var before = await CountAccountsAsync();

        var answer = await browser.PostAsync("/account/sign-up", new Dictionary<string, string?>
        {
            ["Form.DisplayName"] = "",
            ["Form.Email"] = "not-an-email",
            ["Form.Password"] = "Quiet-Meadow-Walk-9!",
            ["Form.ConfirmPassword"] = "Different-Walk-9!",
            ["Form.Mobile"] = "12345",
        });

        answer.Status.ShouldBe(HttpStatusCode.OK);
        foreach (var (field, message) in new[]
        {
            ("Form_DisplayName", "Enter your full name."),
            ("Form_Email", "Enter an email address like name@example.com."),
            ("Form_Role", "Choose who you are."),
            ("Form_ConfirmPassword", "Enter the same password twice."),
            ("Form_Mobile", "Enter a 10-digit US phone number"),
        })
        {
            answer.Html.ShouldContain($"id=\"{field}-error\"");
            answer.Text.ShouldContain(message);
        }

        (await CountAccountsAsync()).ShouldBe(before);
    }

    [Test]
    public async Task Agency_staff_addresses_cannot_sign_up()
    {
        using var browser = NewBrowser();

        var answer = await SignUpAsync(browser, "someone@dmas.virginia.gov", "Quiet-Meadow-Walk-9!");

        answer.Text.ShouldContain("Agency staff do not sign up");
    }

    [Test]
    public async Task An_address_that_already_has_an_account_gets_the_same_answer_and_its_owner_an_email()
    {
        const string email = "existing@homecare.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();

        var answer = await SignUpAsync(browser, email, "Another-Garden-Path-3!");

        answer.Text.ShouldContain("Check your email");
        (await EmailsToAsync(email)).ShouldContain(e => e.Subject.Contains("tried to sign up"));
        (await CountAccountsWithAsync(email)).ShouldBe(1);
    }

    private static Task<FormClient.Page> SignUpAsync(FormClient browser, string email, string password) =>
        browser.PostAsync("/account/sign-up", new Dictionary<string, string?>
        {
            ["Form.DisplayName"] = "Pat Example",
            ["Form.Email"] = email,
            ["Form.Role"] = "ProviderUser",
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
            ["Form.Mobile"] = "",
        });

    private async Task<long> CountAccountsAsync() => await CountAsync("SELECT count(*) FROM identity.asp_net_users", null);

    private async Task<long> CountAccountsWithAsync(string email) =>
        await CountAsync("SELECT count(*) FROM identity.asp_net_users WHERE normalized_email = upper(@email)", email);

    private async Task<long> CountAsync(string sql, string? email)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("email", email ?? "");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
