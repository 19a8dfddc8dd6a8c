using System.Net;
using System.Text.Json;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// The passkey pages' server side (the ceremonies themselves run in the browser test with a virtual authenticator):
/// options, bad answers, and the password confirmation sensitive settings need after 15 minutes.
/// </summary>
public sealed class PasskeyPagesTests() : PortalTest("aims_test_passkey_pages")
{
    [Test]
    public async Task Sign_in_options_ask_for_user_verification_on_the_portals_own_domain()
    {
        using var browser = NewBrowser();
        var page = await browser.GetAsync("/account/passkey-sign-in");

        var options = await PostOptionsAsync(browser, "/account/passkey-sign-in?handler=Options", page.AntiforgeryToken!);

        options.GetProperty("rpId").GetString().ShouldBe("127.0.0.1");
        options.GetProperty("userVerification").GetString().ShouldBe("required");
        options.GetProperty("challenge").GetString()!.Length.ShouldBeGreaterThanOrEqualTo(22); // 16+ random bytes, base64url
    }

    [Test]
    public async Task Registration_options_name_the_account_and_require_a_discoverable_user_verified_key()
    {
        const string email = "reg.options@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        var page = await browser.GetAsync("/account/passkeys");

        var options = await PostOptionsAsync(browser, "/account/passkeys?handler=Options", page.AntiforgeryToken!);

        options.GetProperty("user").GetProperty("name").GetString().ShouldBe(email);
        options.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString().ShouldBe("required");
        options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString().ShouldBe("required");
    }

    [Test]
    public async Task Options_without_the_antiforgery_token_are_refused()
    {
        using var browser = NewBrowser();
        await browser.GetAsync("/account/passkey-sign-in");

        using var response = await browser.Http.PostAsync("/account/passkey-sign-in?handler=Options", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_passkey_sign_in_without_an_answer_or_with_a_forged_one_is_a_form_message_not_an_error()
    {
        using var browser = NewBrowser();

        var empty = await browser.PostAsync("/account/passkey-sign-in", new Dictionary<string, string?> { ["Credential"] = "" });
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.Text.ShouldContain("Use the button to sign in with your passkey.");

        // With a ceremony under way (options asked for), and without one.
        await PostOptionsAsync(browser, "/account/passkey-sign-in?handler=Options", empty.AntiforgeryToken!);
        var forged = await browser.PostAsync("/account/passkey-sign-in", new Dictionary<string, string?>
        {
            ["Credential"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AAAA","signature":"AAAA"},"clientExtensionResults":{}}""",
        });
        forged.Status.ShouldBe(HttpStatusCode.OK);
        forged.Text.ShouldContain("That passkey was not accepted.");

        await PostOptionsAsync(browser, "/account/passkey-sign-in?handler=Options", forged.AntiforgeryToken!);
        var notJson = await browser.PostAsync("/account/passkey-sign-in", new Dictionary<string, string?> { ["Credential"] = "{not json" });
        notJson.Status.ShouldBe(HttpStatusCode.OK);
        notJson.Text.ShouldContain("That passkey was not accepted.");
        var unasked = await browser.PostAsync("/account/passkey-sign-in", new Dictionary<string, string?> { ["Credential"] = "{}" });
        unasked.Text.ShouldContain("That passkey was not accepted.");
    }

    [Test]
    public async Task Adding_a_passkey_needs_a_name_and_the_devices_answer()
    {
        const string email = "add.checks@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var answer = await browser.PostAsync("/account/passkeys", new Dictionary<string, string?> { ["Name"] = "", ["Credential"] = "" }, "/account/passkeys?handler=Add");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Text.ShouldContain("Give the passkey a name, such as \"Work laptop\".");
        answer.Text.ShouldContain("Use the button to add the passkey");
        answer.Html.ShouldContain("id=\"Name-error\"");
    }

    [Test]
    public async Task Removing_a_passkey_that_is_not_on_the_account_is_not_found()
    {
        const string email = "remove.other@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var answer = await browser.PostAsync("/account/passkeys", new Dictionary<string, string?> { ["id"] = "c29tZW9uZS1lbHNlcw" }, "/account/passkeys?handler=Remove");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task After_15_minutes_the_passkeys_page_asks_for_the_password_again_then_returns()
    {
        const string email = "sudo@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        Clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        (await browser.GetAsync("/account/passkeys")).Status.ShouldBe(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromSeconds(2));
        var sent = await browser.GetAsync("/account/passkeys");
        sent.Location.ShouldBe("/account/confirm-password?returnUrl=%2Faccount%2Fpasskeys");

        var wrong = await browser.PostAsync(sent.Location!, new Dictionary<string, string?> { ["Password"] = "Not-The-Password-1!", ["ReturnUrl"] = "/account/passkeys" });
        wrong.Status.ShouldBe(HttpStatusCode.OK);
        wrong.Text.ShouldContain("That password is not right.");
        var right = await browser.PostAsync(sent.Location!, new Dictionary<string, string?> { ["Password"] = Password, ["ReturnUrl"] = "/account/passkeys" });
        right.Location.ShouldBe("/account/passkeys");
        (await browser.GetAsync("/account/passkeys")).Status.ShouldBe(HttpStatusCode.OK);

        // The confirmation is itself good for 15 minutes; the session still ends 12 hours after the sign-in.
        Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        (await browser.GetAsync("/account/passkeys")).Location!.ShouldStartWith("/account/confirm-password");
    }

    [Test]
    public async Task Three_wrong_password_confirmations_lock_the_account_and_end_the_session()
    {
        const string email = "sudo.locked@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        Clock.Advance(TimeSpan.FromMinutes(20));

        FormClient.Page answer = null!;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            answer = await browser.PostAsync("/account/confirm-password", new Dictionary<string, string?> { ["Password"] = "Not-The-Password-1!" });
        }

        answer.Location.ShouldBe("/account/locked");
        (await browser.GetAsync("/account/profile")).Location!.ShouldContain("/account/sign-in");
        (await EmailsToAsync(email)).ShouldContain(e => e.Subject.Contains("locked", StringComparison.OrdinalIgnoreCase));
        (await browser.StartAsync(email, Password)).Location.ShouldBe("/account/locked");
    }

    [Test]
    public async Task A_return_address_off_the_portal_is_ignored()
    {
        const string email = "sudo.redirect@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var answer = await browser.PostAsync("/account/confirm-password", new Dictionary<string, string?> { ["Password"] = Password, ["ReturnUrl"] = "https://evil.example/" });

        answer.Location.ShouldBe("/account/profile");
    }

    private static async Task<JsonElement> PostOptionsAsync(FormClient browser, string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await browser.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
