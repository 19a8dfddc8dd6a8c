using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aims.Identity.Contracts;
using Aims.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// Personal access tokens: issued in the profile with scopes the owner's role allows, shown once, stored hashed,
/// expiring and revocable; /api takes them or the portal's session; no credential is 401, a missing scope 403.
/// </summary>
public sealed partial class ApiTokenTests() : PortalTest("aims_test_api_tokens")
{
    [Test]
    public async Task A_token_is_shown_once_stored_only_as_a_hash_and_signs_api_calls_in_with_its_scopes()
    {
        const string email = "integration@mco.example";
        await CreateAccountAsync(email, Role.AgencyCoordinator);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var secret = await IssueAsync(browser, "Claims system", "AppealsRead", "CaseSummariesWrite");
        secret.ShouldStartWith("aims_pat_");
        (await browser.GetAsync("/account/api-tokens")).Html.ShouldNotContain(secret);
        (await StoredTokenTextAsync()).ShouldNotContain(secret[9..]);

        using var api = Api(secret);
        var me = await GetMeAsync(api);
        me.GetProperty("email").GetString().ShouldBe(email);
        me.GetProperty("authenticatedBy").GetString().ShouldBe("token");
        me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["appeals:read", "case-summaries:write"]);
        (await EmailsToAsync(email)).ShouldContain(e => e.Subject == "A new AIMS API token was created");
    }

    [Test]
    public async Task The_portals_own_session_also_reaches_the_api()
    {
        const string email = "session.api@mco.example";
        await CreateAccountAsync(email, Role.McoUser);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        using var response = await browser.Http.GetAsync("/api/me");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("authenticatedBy").GetString().ShouldBe("session");
    }

    [TestCase(null)]
    [TestCase("Bearer aims_pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("Bearer not-a-token")]
    [TestCase("Basic dXNlcjpwYXNz")]
    public async Task Without_a_valid_credential_the_api_answers_401_problem_details(string? authorization)
    {
        using var api = Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await api.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer");
    }

    [Test]
    public async Task A_revoked_token_is_refused_at_once()
    {
        const string email = "revoker@agency.example";
        await CreateAccountAsync(email, Role.AgencyCoordinator);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        var secret = await IssueAsync(browser, "Old system", "AppealsRead");
        using var api = Api(secret);
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await browser.GetAsync("/account/api-tokens");
        var id = TokenId().Match(page.Html).Groups[1].Value;
        var revoked = await browser.PostAsync("/account/api-tokens", new Dictionary<string, string?> { ["id"] = id }, "/account/api-tokens?handler=Revoke");
        revoked.Location.ShouldBe("/account/api-tokens");

        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/account/api-tokens")).Text.ShouldContain("Revoked");
        var again = await browser.PostAsync("/account/api-tokens", new Dictionary<string, string?> { ["id"] = id }, "/account/api-tokens?handler=Revoke");
        again.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_token_works_until_its_expiry_and_not_after()
    {
        const string email = "expiry@agency.example";
        await CreateAccountAsync(email, Role.AgencyCoordinator);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        var secret = await IssueAsync(browser, "Thirty days", "AppealsRead", days: "30");
        using var api = Api(secret);

        Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromSeconds(1));
        (await api.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_without_the_scope_an_endpoint_needs_is_forbidden_and_with_it_allowed()
    {
        const string email = "scoped@agency.example";
        await CreateAccountAsync(email, Role.AgencyCoordinator);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);
        var secret = await IssueAsync(browser, "Read only", "AppealsRead");

        var withoutScope = await EvaluateAsync(secret, ApiScope.CaseSummariesWrite);
        withoutScope.Forbidden.ShouldBeTrue();
        (await EvaluateAsync(secret, ApiScope.AppealsRead)).Succeeded.ShouldBeTrue();
        (await EvaluateAsync(null, ApiScope.AppealsRead)).Challenged.ShouldBeTrue();
    }

    [Test]
    public async Task Bad_token_requests_get_messages_beside_the_fields()
    {
        const string email = "careless@agency.example";
        await CreateAccountAsync(email, Role.AgencyCoordinator);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        var empty = await browser.PostAsync("/account/api-tokens", new Dictionary<string, string?> { ["Name"] = "", ["Days"] = "90" }, "/account/api-tokens?handler=Issue");
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.Text.ShouldContain("Name the token after the system that will use it.");
        empty.Text.ShouldContain("Choose at least one thing the token may do.");

        var tooLong = await Issue(browser, "Forever", "400", "AppealsRead");
        tooLong.Text.ShouldContain("A token can last at most 365 days.");

        var notAllowed = await Issue(browser, "Filing", "90", "AppealsFile");
        notAllowed.Text.ShouldContain("Your account cannot grant appeals:file.");
        (await StoredTokenTextAsync()).ShouldNotContain("Filing");
    }

    [Test]
    public async Task Someone_who_chose_Spanish_gets_the_page_its_messages_and_the_email_in_Spanish()
    {
        const string email = "integracion@mco.example";
        await CreateAccountAsync(email, Role.AgencyCoordinator);
        using var browser = NewBrowser();
        await browser.ChooseLanguageAsync("es");
        await browser.SignInAsync(ConnectionString, email, Password);

        var blank = await browser.GetAsync("/account/api-tokens");
        blank.Html.ShouldContain("<html lang=\"es\"");
        blank.Html.ShouldContain("<title>Tokens de API");
        blank.Text.ShouldContain("Crear un token");
        blank.Text.ShouldContain("90 días");
        blank.Text.ShouldContain("Presentar resúmenes del caso de la agencia case-summaries:write");
        var refused = await browser.PostAsync("/account/api-tokens", new Dictionary<string, string?> { ["Name"] = "", ["Days"] = "90" }, "/account/api-tokens?handler=Issue");
        refused.Text.ShouldContain("Ponga al token el nombre del sistema que lo usará.");
        refused.Text.ShouldContain("Elija al menos una cosa que el token pueda hacer.");

        await IssueAsync(browser, "Sistema de reclamos", "CaseSummariesWrite");

        var listed = await browser.GetAsync("/account/api-tokens");
        listed.Text.ShouldContain("Sus tokens");
        listed.Text.ShouldContain("21 de febrero de 2027");
        listed.Text.ShouldContain("Nunca");
        listed.Html.ShouldContain("aria-label=\"Revocar Sistema de reclamos\"");
        var issued = (await EmailsToAsync(email)).Last();
        issued.Subject.ShouldBe("Se creó un nuevo token de API de AIMS");
        PortalLanguage.Spaced(issued.TextBody).ShouldContain(
            "Se creó un token de API llamado “Sistema de reclamos” para su cuenta de AIMS. Es válido hasta el 21 de febrero de 2027 a las 9:00 a. m., hora del Este");

        var revoked = await browser.PostAsync("/account/api-tokens", new Dictionary<string, string?> { ["id"] = TokenId().Match(listed.Html).Groups[1].Value }, "/account/api-tokens?handler=Revoke");
        revoked.Location.ShouldBe("/account/api-tokens");
        var after = await browser.GetAsync("/account/api-tokens");
        after.Text.ShouldContain("Token revocado. Desde ahora se rechazan los programas que lo usen.");
        after.Text.ShouldContain("Revocado");
    }

    [Test]
    public async Task Accounts_whose_role_has_no_integrations_cannot_open_the_tokens_page()
    {
        const string email = "member@family.example";
        await CreateAccountAsync(email, Role.ClientAppellant);
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password);

        (await browser.GetAsync("/account/api-tokens")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/account/profile")).Html.ShouldNotContain("/account/api-tokens");
    }

    private async Task<string> IssueAsync(FormClient browser, string name, string scope, string? second = null, string days = "90")
    {
        var issued = await Issue(browser, name, days, scope, second);
        issued.Location.ShouldBe("/account/api-tokens", issued.Text);
        var shown = await browser.GetAsync("/account/api-tokens");
        return Secret().Match(shown.Html).Value;
    }

    private static Task<FormClient.Page> Issue(FormClient browser, string name, string days, string scope, string? second = null)
    {
        var fields = new List<KeyValuePair<string, string?>> { new("Name", name), new("Days", days), new("Scopes", scope) };
        if (second is not null)
        {
            fields.Add(new("Scopes", second));
        }

        return browser.PostAsync("/account/api-tokens", fields, "/account/api-tokens?handler=Issue");
    }

    private HttpClient Api(string secret)
    {
        var client = Portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<JsonElement> GetMeAsync(HttpClient api)
    {
        using var response = await api.GetAsync("/api/me");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The host's own authentication and authorization for a scope policy, as an endpoint requiring it would run them.</summary>
    private async Task<PolicyAuthorizationResult> EvaluateAsync(string? secret, ApiScope scope)
    {
        using var services = Portal.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = services.ServiceProvider };
        if (secret is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + secret;
        }

        var policy = (await services.ServiceProvider.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(ApiScopes.Policy(scope)))!;
        var evaluator = services.ServiceProvider.GetRequiredService<IPolicyEvaluator>();
        var authenticated = await evaluator.AuthenticateAsync(policy, context);
        return await evaluator.AuthorizeAsync(policy, authenticated, context, resource: null);
    }

    private async Task<string> StoredTokenTextAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(string_agg(t::text, ' '), '') FROM identity.api_tokens t", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"aims_pat_[A-Za-z0-9_-]{43}")]
    private static partial Regex Secret();

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex TokenId();
}
