using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Fido2NetLib.Cbor;
using Fido2NetLib.Objects;

namespace Aims.IntegrationTests.Identity;

/// <summary>
/// Authenticator models for attestation tests: a vendor root, a batch certificate under it, and the FIDO metadata an
/// administrator would download. Keys are made here, so nothing is trusted by accident.
/// </summary>
internal sealed class TestAuthenticatorModel : IDisposable
{
    private readonly ECDsa rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa batchKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestAuthenticatorModel(Guid aaguid, string vendor)
    {
        Aaguid = aaguid;
        var now = DateTimeOffset.UtcNow;
        var rootRequest = new CertificateRequest($"CN={vendor} Attestation Root, O={vendor}, C=US", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));

        // The packed format's rules for the batch certificate: OU "Authenticator Attestation", not a CA, the model's AAGUID.
        var batchRequest = new CertificateRequest($"CN={vendor} Batch, OU=Authenticator Attestation, O={vendor}, C=US", batchKey, HashAlgorithmName.SHA256);
        batchRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var aaguidExtension = new AsnWriter(AsnEncodingRules.DER);
        aaguidExtension.WriteOctetString(aaguid.ToByteArray(bigEndian: true));
        batchRequest.CertificateExtensions.Add(new X509Extension("1.3.6.1.4.1.45724.1.1.4", aaguidExtension.Encode(), false));
        Batch = batchRequest.Create(Root, now.AddDays(-1), now.AddYears(2), [1, 2, 3, 4]);
    }

    public Guid Aaguid { get; }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Batch { get; }

    /// <summary>The model's FIDO metadata statement (the fields Fido2 reads, as the FIDO Alliance publishes them).</summary>
    public string MetadataStatement(string attestationType = "basic_full") => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["legalHeader"] = "Test metadata, made by the test.",
        ["aaguid"] = Aaguid.ToString(),
        ["description"] = "Test security key " + Aaguid,
        ["authenticatorVersion"] = 1,
        ["protocolFamily"] = "fido2",
        ["schema"] = 3,
        ["upv"] = new[] { new { major = 1, minor = 0 } },
        ["authenticationAlgorithms"] = new[] { "secp256r1_ecdsa_sha256_raw" },
        ["publicKeyAlgAndEncodings"] = new[] { "cose" },
        ["attestationTypes"] = new[] { attestationType },
        ["userVerificationDetails"] = new[] { new[] { new { userVerificationMethod = "presence_internal" } } },
        ["keyProtection"] = new[] { "hardware", "secure_element" },
        ["matcherProtection"] = new[] { "on_chip" },
        ["attachmentHint"] = new[] { "external", "wired" },
        ["tcDisplay"] = Array.Empty<string>(),
        ["attestationRootCertificates"] = new[] { Convert.ToBase64String(Root.RawData) },
    });

    /// <summary>A new passkey from this model, attested ("packed") with its batch certificate.</summary>
    public byte[] Attest(TestPasskey passkey, byte[] clientDataHash) =>
        passkey.Packed(Aaguid, clientDataHash, batchKey, Batch);

    public void Dispose()
    {
        Root.Dispose();
        Batch.Dispose();
        rootKey.Dispose();
        batchKey.Dispose();
    }
}

/// <summary>A new credential's key pair and the attestation objects an authenticator could send for it.</summary>
internal sealed class TestPasskey : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The SHA-256 of some client data, as Identity computes it from the browser's clientDataJSON.</summary>
    public static byte[] ClientDataHash(string challenge = "test-challenge") =>
        SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"type":"webauthn.create","challenge":"{{challenge}}","origin":"https://localhost"}"""));

    /// <summary>No attestation at all, what most phones and password managers send.</summary>
    public byte[] None(Guid aaguid) => Envelope("none", new CborMap(), AuthenticatorData(aaguid));

    /// <summary>Packed self attestation: signed with the credential's own key, so it proves nothing about the model.</summary>
    public byte[] SelfAttested(Guid aaguid, byte[] clientDataHash) => Packed(aaguid, clientDataHash, key, certificate: null);

    public byte[] Packed(Guid aaguid, byte[] clientDataHash, ECDsa signer, X509Certificate2? certificate)
    {
        var authenticatorData = AuthenticatorData(aaguid);
        var statement = new CborMap
        {
            { "alg", (int)COSE.Algorithm.ES256 },
            { "sig", signer.SignData([.. authenticatorData, .. clientDataHash], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence) },
        };
        if (certificate is not null)
        {
            statement.Add("x5c", new CborArray { certificate.RawData });
        }

        return Envelope("packed", statement, authenticatorData);
    }

    public void Dispose() => key.Dispose();

    private static byte[] Envelope(string format, CborMap statement, byte[] authenticatorData) =>
        new CborMap { { "fmt", format }, { "attStmt", statement }, { "authData", authenticatorData } }.Encode();

    private byte[] AuthenticatorData(Guid aaguid)
    {
        var credential = new AttestedCredentialData(aaguid, RandomNumberGenerator.GetBytes(32), new CredentialPublicKey(key, COSE.Algorithm.ES256));
        var rpIdHash = SHA256.HashData(Encoding.UTF8.GetBytes("localhost"));
        return new AuthenticatorData(rpIdHash, AuthenticatorFlags.UP | AuthenticatorFlags.UV | AuthenticatorFlags.AT, 0, credential, null).ToByteArray();
    }
}
