using Aims.Testing;
using Microsoft.Playwright;
using Npgsql;

namespace Aims.BrowserTests;

/// <summary>
/// ADR 0032 with Chromium's virtual authenticator: "none" for external people, a self-signed "packed" statement no
/// metadata vouches for when staff ask "direct" (the demo portal has no metadata). Tampering runs in the page.
/// </summary>
public sealed class PasskeyAttestationTests : BrowserTest
{
    private const string Provider = "tradingpartner@demo.aims.example";
    private const string Staff = "hearingofficer.demo@dmas.virginia.gov";

    /// <summary>Wraps form.submit() so the test can change the Credential field after passkeys.js has filled it.</summary>
    private const string TamperBeforeSubmit = """
        (() => {
          const fromB64 = (t) => Uint8Array.from(atob(t.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(t.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
          const toB64 = (b) => btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
          const tamper = {
            // Client data with one more member: Identity still finds its challenge and origin, but its hash changes.
            clientData: (c) => { const d = JSON.parse(new TextDecoder().decode(fromB64(c.response.clientDataJSON))); d.tampered = true; c.response.clientDataJSON = toB64(new TextEncoder().encode(JSON.stringify(d))); },
            // The statement's format renamed from "none" to "nonf": same length, still valid CBOR, no longer a known format.
            format: (c) => { const a = fromB64(c.response.attestationObject); for (let i = 0; i < a.length - 4; i++) { if (a[i] === 0x6e && a[i + 1] === 0x6f && a[i + 2] === 0x6e && a[i + 3] === 0x65) { a[i + 3] = 0x66; break; } } c.response.attestationObject = toB64(a); },
          };
          const submit = HTMLFormElement.prototype.submit;
          HTMLFormElement.prototype.submit = function () {
            const field = this.querySelector('input[name="Credential"]');
            const how = sessionStorage.getItem('tamper');
            if (field && field.value && how) { const c = JSON.parse(field.value); tamper[how](c); field.value = JSON.stringify(c); sessionStorage.removeItem('tamper'); }
            return submit.call(this);
          };
        })();
        """;

    private string baseUrl = "";

    protected override string BaseUrl => baseUrl;

    [OneTimeSetUp]
    public async Task StartPortalAsync() => baseUrl = await DemoPortal.StartAsync();

    [Test]
    public async Task A_providers_passkey_is_accepted_without_attestation_and_refused_in_their_language_when_its_attestation_was_altered()
    {
        await AddTamperingAuthenticatorAsync();
        await DemoPortal.SignInAsync(Page, Provider);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).WaitForAsync();
        await Page.GotoAsync("/account/passkeys");

        await TamperNextAnswerAsync("format");
        await AddPasskeyAsync("Nombre de esta llave de acceso", "Llave del consultorio", "Agregar una llave de acceso");
        await Page.GetByText("No se pudo verificar la respuesta de su dispositivo, así que no se agregó la llave de acceso.").First.WaitForAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Todavía no tiene llaves de acceso.");
        await ShouldHaveNoAccessibilityViolationsAsync();
        (await RefusalsAsync(Provider)).ShouldHaveSingleItem().ShouldContain("attestation not verifiable");

        await AddPasskeyAsync("Nombre de esta llave de acceso", "Llave del consultorio", "Agregar una llave de acceso");
        await Page.GetByText("Se agregó la llave de acceso").Or(Page.GetByText("Llave del consultorio")).First.WaitForAsync();
        (await Page.Locator("table").InnerTextAsync()).ShouldContain("Llave del consultorio");
    }

    [Test]
    public async Task A_staff_passkey_whose_attestation_no_metadata_vouches_for_is_refused_and_audited()
    {
        await AddTamperingAuthenticatorAsync();
        await DemoPortal.SignInAsync(Page, Staff, staff: true);
        await Page.GotoAsync("/account/passkeys");

        await AddPasskeyAsync("Name for this passkey", "Desk key", "Add a passkey");

        await Page.GetByText("The portal could not confirm who made this security key.").First.WaitForAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("You have no passkeys yet.");
        await ShouldHaveNoAccessibilityViolationsAsync();
        // Fido2 reads the virtual device's certificate as privacy-CA ("attca") attestation; the model is Chromium's test AAGUID.
        var refusals = await RefusalsAsync(Staff);
        refusals.ShouldContain(detail => detail.StartsWith("packed attestation (", StringComparison.Ordinal)
            && detail.Contains("model 01020304-0506-0708-0102-030405060708: no metadata", StringComparison.Ordinal), string.Join(" | ", refusals));
    }

    [Test]
    public async Task A_staff_passkey_whose_client_data_was_altered_after_the_device_signed_it_is_refused()
    {
        await AddTamperingAuthenticatorAsync();
        await DemoPortal.SignInAsync(Page, Staff, staff: true);
        await Page.GotoAsync("/account/passkeys");

        await TamperNextAnswerAsync("clientData");
        await AddPasskeyAsync("Name for this passkey", "Altered key", "Add a passkey");

        await Page.GetByText("Your device's answer could not be verified, so the passkey was not added.").First.WaitForAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("You have no passkeys yet.");
        var refusals = await RefusalsAsync(Staff);
        refusals.ShouldContain(detail => detail.StartsWith("attestation not verifiable", StringComparison.Ordinal) && detail.Contains("signature", StringComparison.Ordinal), string.Join(" | ", refusals));
    }

    private async Task AddTamperingAuthenticatorAsync()
    {
        await AddVirtualAuthenticatorAsync();
        await Page.AddInitScriptAsync(TamperBeforeSubmit);
    }

    private Task TamperNextAnswerAsync(string how) => Page.EvaluateAsync("how => sessionStorage.setItem('tamper', how)", how);

    private async Task AddPasskeyAsync(string label, string name, string button)
    {
        await Page.GetByLabel(label).FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>The audit's details of refused passkeys for the account, oldest first.</summary>
    private static async Task<List<string>> RefusalsAsync(string email)
    {
        await using var connection = new NpgsqlConnection(DemoPortal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT detail FROM identity.security_events WHERE kind = 'PasskeyRefused' AND normalized_email = @email ORDER BY occurred_at", connection);
        command.Parameters.AddWithValue("email", email.ToUpperInvariant());
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(0));
        }

        return details;
    }
}
