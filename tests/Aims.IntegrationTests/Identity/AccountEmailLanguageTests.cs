using System.Net;
using Aims.Identity.Contracts;
using Aims.Testing;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// Account emails come in the account's language (ADR 0025, 0027), whoever caused them. Today is Monday 11/23/2026,
/// 9:00 Eastern; a lock lasts 30 minutes.
/// </summary>
public sealed class AccountEmailLanguageTests() : PortalTest("aims_test_account_languages")
{
    [Test]
    public async Task A_Spanish_account_locked_from_an_English_browser_is_told_in_Spanish()
    {
        const string email = "lucia@clinic.example";
        await RemembersSpanishAsync(email);
        using var stranger = NewBrowser();

        await FailThreeTimesAsync(stranger, email);

        (await stranger.GetAsync("/account/locked")).Text.ShouldContain("The account unlocks automatically after 30 minutes");
        var locked = (await EmailsToAsync(email)).Last();
        locked.Subject.ShouldBe("Su cuenta de AIMS está bloqueada por 30 minutos");
        PortalLanguage.Spaced(locked.TextBody).ShouldContain("Se desbloquea sola el 23 de noviembre de 2026 a las 9:30 a. m., hora del Este.");
        locked.TextBody.ShouldContain("Llame a la línea de ayuda de AIMS");
    }

    [Test]
    public async Task An_English_account_locked_from_a_Spanish_browser_is_told_in_English()
    {
        const string email = "owen@clinic.example";
        await CreateAccountAsync(email);
        using var stranger = NewBrowser();
        await stranger.ChooseLanguageAsync("es");

        await FailThreeTimesAsync(stranger, email);

        (await stranger.GetAsync("/account/locked")).Html.ShouldContain("<html lang=\"es\"");
        var locked = (await EmailsToAsync(email)).Single();
        locked.Subject.ShouldBe("Your AIMS account is locked for 30 minutes");
        locked.TextBody.ShouldContain("It unlocks by itself at November 23, 2026 at 9:30 AM Eastern.");
        locked.TextBody.ShouldContain("Questions? Call the AIMS helpline");
    }

    [Test]
    public async Task A_password_changed_on_another_device_is_reported_in_the_accounts_language()
    {
        const string email = "marta@clinic.example";
        await RemembersSpanishAsync(email);
        using var laptop = NewBrowser();
        await laptop.SignInAsync(ConnectionString, email, Password);

        (await laptop.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = Password,
            ["Form.NewPassword"] = "Brand-New-Lighthouse-2!",
            ["Form.ConfirmPassword"] = "Brand-New-Lighthouse-2!",
        })).Location.ShouldBe("/");

        var changed = (await EmailsToAsync(email)).Last();
        changed.Subject.ShouldBe("Se cambió su contraseña de AIMS");
        changed.TextBody.ShouldContain("Se cambió la contraseña de su cuenta de AIMS y se cerraron todas las demás sesiones.");
    }

    [Test]
    public async Task An_English_accounts_password_change_is_reported_in_English()
    {
        const string email = "nora@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        await browser.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = Password,
            ["Form.NewPassword"] = "Brand-New-Lighthouse-2!",
            ["Form.ConfirmPassword"] = "Brand-New-Lighthouse-2!",
        });

        var changed = (await EmailsToAsync(email)).Last();
        changed.Subject.ShouldBe("Your AIMS password was changed");
        changed.TextBody.ShouldContain("every other session was signed out");
    }

    [Test]
    public async Task A_refused_password_change_is_explained_in_Spanish()
    {
        const string email = "pilar@clinic.example";
        await CreateAccountAsync(email);
        using var browser = NewBrowser();
        await browser.ChooseLanguageAsync("es");
        await browser.SignInAsync(ConnectionString, email, Password);

        var wrong = await browser.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = "Not-My-Password-1!",
            ["Form.NewPassword"] = "Brand-New-Lighthouse-2!",
            ["Form.ConfirmPassword"] = "Brand-New-Lighthouse-2!",
        });
        var same = await browser.PostAsync("/account/change-password", new Dictionary<string, string?>
        {
            ["Form.CurrentPassword"] = Password,
            ["Form.NewPassword"] = Password,
            ["Form.ConfirmPassword"] = Password,
        });

        wrong.Text.ShouldContain("Su contraseña actual no es correcta.");
        same.Text.ShouldContain("Elija una contraseña distinta de la actual.");
    }

    /// <summary>An account whose owner chose Spanish and signed in with it, as the header switch leaves it.</summary>
    private async Task RemembersSpanishAsync(string email)
    {
        await CreateAccountAsync(email, Role.AgencyCoordinator);
        using var own = NewBrowser();
        await own.ChooseLanguageAsync("es");
        (await own.SignInAsync(ConnectionString, email, Password)).Location.ShouldBe("/");
        (await AccountAsync(email)).PreferredLanguage.ShouldBe("es");
    }

    private static async Task FailThreeTimesAsync(FormClient browser, string email)
    {
        (await browser.StartAsync(email, "Wrong-Password-1!")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.StartAsync(email, "Wrong-Password-2!")).Status.ShouldBe(HttpStatusCode.OK);
        (await browser.StartAsync(email, "Wrong-Password-3!")).Location.ShouldBe("/account/locked");
    }
}
