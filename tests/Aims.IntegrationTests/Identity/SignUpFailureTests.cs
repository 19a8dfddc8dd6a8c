using Aims.Notifications.Contracts;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// Signing up fails on the portal's side (the confirmation email cannot be queued): the page gives the training
/// material's advice — retry after 5 minutes — in the person's language, and no half-made account remains.
/// </summary>
public sealed class SignUpFailureTests() : PortalTest("aims_test_sign_up_failure")
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddScoped<IOutgoingMail, FailingMail>();

    [Test]
    public async Task A_failed_sign_up_says_to_retry_after_5_minutes_and_leaves_no_account()
    {
        using var browser = NewBrowser();

        var answer = await SignUpAsync(browser, "unlucky.signup@homecare.example");

        answer.Text.ShouldContain("Nothing was saved");
        answer.Text.ShouldContain("Something went wrong on our side and nothing was saved. Please retry after 5 minutes.");
        answer.Text.ShouldNotContain("Check your email");
        (await AccountsWithAsync("unlucky.signup@homecare.example")).ShouldBe(0L);

        await browser.ChooseLanguageAsync("es");
        (await SignUpAsync(browser, "unlucky.signup@homecare.example")).Text.ShouldContain("Vuelva a intentarlo después de 5 minutos.");
        (await AccountsWithAsync("unlucky.signup@homecare.example")).ShouldBe(0L);
    }

    private static async Task<FormClient.Page> SignUpAsync(FormClient browser, string email) =>
        await browser.PostAsync("/account/sign-up", new Dictionary<string, string?>
        {
            ["Form.DisplayName"] = "Pat Example",
            ["Form.Email"] = email,
            ["Form.Role"] = "ProviderUser",
            ["Form.Password"] = Password,
            ["Form.ConfirmPassword"] = Password,
            ["Form.Mobile"] = "",
        });

    private async Task<long> AccountsWithAsync(string email)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM identity.asp_net_users WHERE normalized_email = upper(@email)", connection);
        command.Parameters.AddWithValue("email", email);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The outbox write fails after the account row was written in the same unit of work.</summary>
    private sealed class FailingMail : IOutgoingMail
    {
        public string From => "AIMS <no-reply@aims.test>";

        public Task<string> QueueAsync(EmailMessage email, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The message table is unavailable (a test failure on purpose).");
    }
}
