using System.Net;
using System.Text.Json;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Passkeys;
using Aims.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// ADR 0032's attestation policy on a real host with a metadata folder and allow-list: external people may send "none";
/// staff need a certificate chaining to an allowed model's root. The browser ceremonies are in the browser tests.
/// </summary>
public sealed class PasskeyAttestationTests() : PortalTest("aims_test_passkey_attestation")
{
    private static readonly TestAuthenticatorModel Allowed = new(Guid.Parse("1d4ecf3e-0d4a-4f43-9bd8-6a3f0d3a1c01"), "Allowed Vendor");
    private static readonly TestAuthenticatorModel NotAllowed = new(Guid.Parse("1d4ecf3e-0d4a-4f43-9bd8-6a3f0d3a1c02"), "Other Vendor");

    /// <summary>Claims to be the allowed model, but its certificate comes from a root the metadata does not list.</summary>
    private static readonly TestAuthenticatorModel Counterfeit = new(Allowed.Aaguid, "Counterfeit Vendor");

    private static readonly string MetadataFolder = WriteMetadata(Allowed, NotAllowed);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Aims:Identity:Passkeys:Attestation:MetadataFolder"] = MetadataFolder,
        ["Aims:Identity:Passkeys:Attestation:AllowedAuthenticators:0"] = Allowed.Aaguid.ToString(),
    };

    [OneTimeTearDown]
    public void RemoveMetadata() => System.IO.Directory.Delete(MetadataFolder, recursive: true);

    [Test]
    public async Task External_people_may_register_a_passkey_without_attestation_or_with_self_attestation()
    {
        using var passkey = new TestPasskey();
        var hash = TestPasskey.ClientDataHash();

        (await JudgeAsync(passkey.None(Guid.Empty), hash, staff: false)).ShouldBeNull();
        (await JudgeAsync(passkey.SelfAttested(Guid.Empty, hash), hash, staff: false)).ShouldBeNull();
        (await JudgeAsync(Allowed.Attest(passkey, hash), hash, staff: false)).ShouldBeNull();
    }

    [Test]
    public async Task A_statement_whose_signature_does_not_cover_this_client_data_is_refused_for_anyone()
    {
        using var passkey = new TestPasskey();
        var signed = TestPasskey.ClientDataHash("the-challenge-the-device-signed");
        var posted = TestPasskey.ClientDataHash("another-challenge");

        (await JudgeAsync(passkey.SelfAttested(Guid.Empty, signed), posted, staff: false))!.Reason.ShouldBe(AttestationRefusal.Unverifiable);
        (await JudgeAsync(Allowed.Attest(passkey, signed), posted, staff: true))!.Reason.ShouldBe(AttestationRefusal.Unverifiable);
        (await JudgeAsync([0xA1, 0x63, 0x66, 0x6D, 0x74], posted, staff: false))!.Reason.ShouldBe(AttestationRefusal.Unverifiable); // not an attestation object
    }

    [Test]
    public async Task A_staff_passkey_without_an_attestation_certificate_is_refused()
    {
        using var passkey = new TestPasskey();
        var hash = TestPasskey.ClientDataHash();

        var none = await JudgeAsync(passkey.None(Allowed.Aaguid), hash, staff: true);
        var self = await JudgeAsync(passkey.SelfAttested(Allowed.Aaguid, hash), hash, staff: true);

        none!.Reason.ShouldBe(AttestationRefusal.NotAttested);
        none.Detail.ShouldContain("none attestation");
        self!.Reason.ShouldBe(AttestationRefusal.NotAttested);
        self.Detail.ShouldContain("packed attestation (self)");
    }

    [Test]
    public async Task A_staff_passkey_from_an_allowed_model_chained_to_its_root_in_the_metadata_is_accepted()
    {
        using var passkey = new TestPasskey();
        var hash = TestPasskey.ClientDataHash();

        (await JudgeAsync(Allowed.Attest(passkey, hash), hash, staff: true)).ShouldBeNull();
    }

    [Test]
    public async Task A_staff_passkey_from_a_model_off_the_allow_list_is_refused_even_when_the_metadata_describes_it()
    {
        using var passkey = new TestPasskey();
        var hash = TestPasskey.ClientDataHash();

        var verdict = await JudgeAsync(NotAllowed.Attest(passkey, hash), hash, staff: true);

        verdict!.Reason.ShouldBe(AttestationRefusal.ModelNotAllowed);
        verdict.Detail.ShouldContain(NotAllowed.Aaguid.ToString());
    }

    [Test]
    public async Task A_staff_passkey_claiming_an_allowed_model_with_a_certificate_from_another_root_is_refused()
    {
        using var passkey = new TestPasskey();
        var hash = TestPasskey.ClientDataHash();

        var verdict = await JudgeAsync(Counterfeit.Attest(passkey, hash), hash, staff: true);

        verdict!.Reason.ShouldBe(AttestationRefusal.ModelNotTrusted);
        verdict.Detail.ShouldContain("does not chain");
    }

    [Test]
    public async Task Without_an_allow_list_any_model_the_metadata_vouches_for_is_accepted_and_an_undescribed_one_is_not()
    {
        using var passkey = new TestPasskey();
        using var undescribed = new TestAuthenticatorModel(Guid.Parse("1d4ecf3e-0d4a-4f43-9bd8-6a3f0d3a1c03"), "Unknown Vendor");
        var hash = TestPasskey.ClientDataHash();
        var policy = new PasskeyAttestation(Options.Create(new PasskeyAttestationOptions()), Portal.Services.GetRequiredService<AuthenticatorMetadata>());

        (await policy.JudgeAsync(NotAllowed.Attest(passkey, hash), hash, staff: true, CancellationToken.None)).ShouldBeNull();
        (await policy.JudgeAsync(undescribed.Attest(passkey, hash), hash, staff: true, CancellationToken.None))!.Reason.ShouldBe(AttestationRefusal.ModelNotTrusted);
    }

    [Test]
    public async Task When_staff_attestation_is_switched_off_staff_register_like_everyone_else()
    {
        using var passkey = new TestPasskey();
        var hash = TestPasskey.ClientDataHash();
        var policy = new PasskeyAttestation(Options.Create(new PasskeyAttestationOptions { RequiredForStaff = false }), new AuthenticatorMetadata());

        (await policy.JudgeAsync(passkey.None(Guid.Empty), hash, staff: true, CancellationToken.None)).ShouldBeNull();
        (await policy.JudgeAsync(passkey.SelfAttested(Guid.Empty, TestPasskey.ClientDataHash("other")), hash, staff: true, CancellationToken.None))!
            .Reason.ShouldBe(AttestationRefusal.Unverifiable);
    }

    [Test]
    public async Task Staff_are_asked_for_their_devices_attestation_and_external_people_are_not()
    {
        const string staffEmail = "attest.options@dmas.virginia.gov";
        const string providerEmail = "attest.options@clinic.example";
        await CreateAccountAsync(staffEmail, Aims.Identity.Contracts.Role.CaseWorker, staff: true);
        await CreateAccountAsync(providerEmail);

        var staff = await RegistrationOptionsAsync(staffEmail, staff: true);
        var provider = await RegistrationOptionsAsync(providerEmail, staff: false);

        staff.GetProperty("attestation").GetString().ShouldBe("direct");
        staff.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString().ShouldBe("required");
        (provider.TryGetProperty("attestation", out var asked) ? asked.GetString() : "none").ShouldBe("none");
    }

    [Test]
    public async Task The_metadata_folder_is_read_at_start_up()
    {
        var metadata = Portal.Services.GetRequiredService<AuthenticatorMetadata>();

        metadata.Count.ShouldBe(2);
        var entry = await metadata.GetEntryAsync(Allowed.Aaguid);
        entry!.MetadataStatement.AttestationRootCertificates.ShouldBe([Convert.ToBase64String(Allowed.Root.RawData)]);
        (await metadata.GetEntryAsync(Guid.NewGuid())).ShouldBeNull();
    }

    [Test]
    public async Task Bad_attestation_settings_stop_start_up_with_a_line_naming_the_setting()
    {
        var empty = Path.Combine(Path.GetTempPath(), "aims-empty-metadata-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(empty);
        var broken = WriteMetadata(Allowed);
        await File.WriteAllTextAsync(Path.Combine(broken, "zz-broken.json"), "{ \"aaguid\": ");
        try
        {
            (await LoadFailureAsync(new() { AllowedAuthenticators = ["yubikey-5"], MetadataFolder = MetadataFolder }))
                .ShouldBe("Aims:Identity:Passkeys:Attestation:AllowedAuthenticators:0 is \"yubikey-5\", which is not an AAGUID (such as 2fc0579f-8113-47ea-b116-bb5a8db9202a).");
            (await LoadFailureAsync(new() { AllowedAuthenticators = [Allowed.Aaguid.ToString()] }))
                .ShouldStartWith("Aims:Identity:Passkeys:Attestation:AllowedAuthenticators lists authenticator models but Aims:Identity:Passkeys:Attestation:MetadataFolder is not set");
            (await LoadFailureAsync(new() { MetadataFolder = empty + "-missing" }))
                .ShouldBe($"Aims:Identity:Passkeys:Attestation:MetadataFolder is \"{empty}-missing\", which is not a folder: give the folder that holds the FIDO metadata statements (JSON files).");
            (await LoadFailureAsync(new() { MetadataFolder = empty }))
                .ShouldBe($"Aims:Identity:Passkeys:Attestation:MetadataFolder \"{empty}\" holds no FIDO metadata statement with an AAGUID.");
            (await LoadFailureAsync(new() { MetadataFolder = broken }))
                .ShouldStartWith($"Aims:Identity:Passkeys:Attestation:MetadataFolder: \"{Path.Combine(broken, "zz-broken.json")}\" is not a FIDO metadata statement this portal can read (");
            (await LoadFailureAsync(new() { MetadataFolder = MetadataFolder, AllowedAuthenticators = [Guid.Empty.ToString()] }))
                .ShouldBe($"Aims:Identity:Passkeys:Attestation:AllowedAuthenticators names {Guid.Empty}, which no metadata statement in \"{MetadataFolder}\" describes.");
        }
        finally
        {
            System.IO.Directory.Delete(empty, recursive: true);
            System.IO.Directory.Delete(broken, recursive: true);
        }
    }

    private static async Task<string> LoadFailureAsync(PasskeyAttestationOptions options)
    {
        var failure = await Should.ThrowAsync<StartupException>(() => new AuthenticatorMetadata().LoadAsync(options, AppContext.BaseDirectory, CancellationToken.None));
        return failure.Message;
    }

    private static string WriteMetadata(params TestAuthenticatorModel[] models)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aims-fido-metadata-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        foreach (var model in models)
        {
            File.WriteAllText(Path.Combine(folder, model.Aaguid + ".json"), model.MetadataStatement());
        }

        return folder;
    }

    private async Task<AttestationVerdict?> JudgeAsync(byte[] attestationObject, byte[] clientDataHash, bool staff)
    {
        using var scope = Portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PasskeyAttestation>().JudgeAsync(attestationObject, clientDataHash, staff, CancellationToken.None);
    }

    private async Task<JsonElement> RegistrationOptionsAsync(string email, bool staff)
    {
        using var browser = NewBrowser();
        await browser.SignInAsync(ConnectionString, email, Password, staff);
        var page = await browser.GetAsync("/account/passkeys");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/passkeys?handler=Options");
        request.Headers.Add("RequestVerificationToken", page.AntiforgeryToken!);
        using var response = await browser.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
