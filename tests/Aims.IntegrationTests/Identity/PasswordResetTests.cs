using System.Net;
using System.Net.Http.Json;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// Reset: bot check, the same answer for every address, a temporary password (24 hours) beside the old one that still
/// needs the second factor and then forces a change; never for staff.
/// </summary>
public sealed class PasswordResetTests() : PortalTest("aims_test_password_reset")
{
    [Test]
    public async Task A_temporary_password_still_needs_the_code_and_then_forces_a_change_before_anything_else()
    {
        const string email = "rowan@pharmacy.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();

        (await RequestResetAsync(browser, email)).Text.ShouldContain("If " + email + " has a confirmed AIMS account");
        var temporary = TemporaryPasswordIn((await EmailsToAsync(email)).Last());

        var signedIn = await browser.SignInAsync(ConnectionString, email, temporary);
        signedIn.Location.ShouldBe("/account/change-password");
        (await browser.GetAsync("/account/profile")).Location.ShouldBe("/account/change-password");
        (await browser.GetAsync("/account/change-password")).Text.ShouldContain("You signed in with a temporary password");

        var changed = await browser.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = temporary,
            ["Form.NewPassword"] = "Fresh-Orchard-Gate-5!",
            ["Form.ConfirmPassword"] = "Fresh-Orchard-Gate-5!",
        });

        changed.Location.ShouldBe("/");
        (await browser.GetAsync("/account/profile")).Status.ShouldBe(HttpStatusCode.OK);
        using var later = NewBrowser();
        (await later.SignInAsync(ConnectionString, email, "Fresh-Orchard-Gate-5!")).Location.ShouldBe("/");
        (await later.StartAsync(email, temporary)).Text.ShouldContain("not right");
    }

    [Test]
    public async Task The_old_password_keeps_working_so_a_stranger_asking_for_a_reset_takes_nothing_away()
    {
        const string email = "sage@pharmacy.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await RequestResetAsync(browser, email);

        (await browser.SignInAsync(ConnectionString, email, Password)).Location.ShouldBe("/");
    }

    [Test]
    public async Task A_temporary_password_expires_after_24_hours()
    {
        const string email = "tatum@pharmacy.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await RequestResetAsync(browser, email);
        var temporary = TemporaryPasswordIn((await EmailsToAsync(email)).Last());

        Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        (await browser.StartAsync(email, temporary)).Text.ShouldContain("The email address or password is not right.");
    }

    [Test]
    public async Task An_unknown_address_gets_the_same_answer_and_no_email()
    {
        const string unknown = "nobody@pharmacy.example";
        const string known = "uma@pharmacy.example";
        await CreateAccountAsync(known);
        using var browser = NewBrowser();

        var forUnknown = await RequestResetAsync(browser, unknown);
        var forKnown = await RequestResetAsync(browser, known);

        forUnknown.Status.ShouldBe(forKnown.Status);
        forUnknown.Text.Replace(unknown, "ADDRESS").ShouldBe(forKnown.Text.Replace(known, "ADDRESS"));
        (await EmailsToAsync(unknown)).ShouldBeEmpty();
    }

    [Test]
    public async Task Staff_are_told_to_ask_an_administrator_and_get_no_temporary_password()
    {
        const string email = "val.officer@dmas.virginia.gov";
        await CreateAccountAsync(email, Role.HearingOfficer, staff: true);
        using var browser = NewBrowser();

        (await RequestResetAsync(browser, email)).Text.ShouldContain("If " + email + " has a confirmed AIMS account");

        var sent = (await EmailsToAsync(email)).Single();
        sent.Subject.ShouldBe("AIMS password reset");
        sent.TextBody.ShouldContain("reset by an appeals administrator");
        (await AccountAsync(email)).TemporaryPasswordHash.ShouldBeNull();
    }

    [Test]
    public async Task Staff_asking_from_a_Spanish_page_are_answered_in_English_by_email()
    {
        const string email = "ines.officer@dmas.virginia.gov";
        await CreateAccountAsync(email, Role.HearingOfficer, staff: true);
        using var browser = NewBrowser();
        await browser.ChooseLanguageAsync("es");

        (await RequestResetAsync(browser, email)).Html.ShouldContain("<html lang=\"es\"");

        var sent = (await EmailsToAsync(email)).Single();
        sent.Subject.ShouldBe("AIMS password reset");
        sent.TextBody.ShouldContain("Staff passwords are reset by an appeals administrator");
        sent.TextBody.ShouldContain("Questions? Call the AIMS helpline");
        sent.TextBody.ShouldNotContain("línea de ayuda");
    }

    [Test]
    public async Task Without_a_solved_bot_check_the_form_says_so_and_nothing_is_sent()
    {
        const string email = "wren@pharmacy.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();

        var answer = await browser.PostAsync("/account/forgot-password", new Dictionary<string, string?> { ["Email"] = email, ["botcheck"] = "" });

        answer.Text.ShouldContain("The automatic check did not pass.");
        (await EmailsToAsync(email)).ShouldBeEmpty();
    }

    private static async Task<FormClient.Page> RequestResetAsync(FormClient browser, string email)
    {
        var challenge = (await browser.Http.GetFromJsonAsync<BotChallenge>(BotCheckSolver.ChallengePath))!;
        return await browser.PostAsync("/account/forgot-password", new Dictionary<string, string?>
        {
            ["Email"] = email,
            ["botcheck"] = BotCheckSolver.Solve(challenge),
        });
    }

    private static string TemporaryPasswordIn(OutboxReader.Email email) =>
        email.TextBody.Split('\n').SkipWhile(line => !line.StartsWith("Your temporary AIMS password is:", StringComparison.Ordinal)).Skip(2).First().Trim();
}
