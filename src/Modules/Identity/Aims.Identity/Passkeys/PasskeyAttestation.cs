using Fido2NetLib;
using Fido2NetLib.Cbor;
using Fido2NetLib.Objects;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Passkeys;

/// <summary>Why a new passkey's attestation was refused; the page words it for the person (PasskeyRefusals).</summary>
internal enum AttestationRefusal
{
    /// <summary>The statement is malformed, of an unknown format, or its signature does not hold (tampered).</summary>
    Unverifiable,

    /// <summary>A staff passkey with no attestation ("none") or only self attestation: nothing says what made it.</summary>
    NotAttested,

    /// <summary>A staff passkey from a model (AAGUID) that is not on the allow-list.</summary>
    ModelNotAllowed,

    /// <summary>A staff passkey whose model is not in the metadata, or whose certificate does not chain to the model's roots.</summary>
    ModelNotTrusted,
}

/// <param name="Detail">What the audit records: format, attestation type, model and the reason, in English.</param>
internal sealed record AttestationVerdict(AttestationRefusal Reason, string Detail);

/// <summary>
/// The attestation check Identity 10 asks for after its own WebAuthn checks: Fido2's verifier for the statement's format;
/// for staff also an allowed model chaining to the administrator's metadata roots (ADR 0032). Keeps the verdict for the page.
/// </summary>
internal sealed class PasskeyAttestation(IOptions<PasskeyAttestationOptions> options, AuthenticatorMetadata metadata)
{
    // Only the Apple and SafetyNet formats read it (their vendors' roots); the library's defaults are kept.
    private static readonly Fido2Configuration Fido2Defaults = new();

    /// <summary>Why the registration in this request was refused; null when it was not (or none was checked).</summary>
    public AttestationVerdict? Refusal { get; private set; }

    public static ValueTask<bool> VerifyAsync(PasskeyAttestationStatementVerificationContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<PasskeyAttestation>().VerifyForAsync(context);

    public async Task<AttestationVerdict?> JudgeAsync(ReadOnlyMemory<byte> attestationObject, ReadOnlyMemory<byte> clientDataHash, bool staff, CancellationToken cancellationToken)
    {
        string format;
        Guid model;
        VerifyAttestationResult verified;
        try
        {
            var statement = (CborMap)CborObject.Decode(attestationObject);
            format = (string)statement["fmt"]!;
            var authenticatorData = AuthenticatorData.Parse((byte[])statement["authData"]!);
            model = authenticatorData.AttestedCredentialData!.AaGuid;
            verified = await AttestationVerifier.Create(format, Fido2Defaults)
                .VerifyAsync((CborMap)statement["attStmt"]!, authenticatorData, clientDataHash.ToArray());
        }
        catch (Exception unverifiable) when (unverifiable is not OperationCanceledException)
        {
            // Whatever in an authenticator's answer Fido2 cannot verify (bad CBOR, unknown format, a signature that
            // does not hold) is a refused passkey, never an error page.
            return new AttestationVerdict(AttestationRefusal.Unverifiable, "attestation not verifiable: " + unverifiable.Message);
        }

        var described = $"{format} attestation ({verified.Type.Value}), model {model}";
        var policy = options.Value;
        if (!staff || !policy.RequiredForStaff)
        {
            return null;
        }

        if (verified.Type == AttestationType.None || verified.Type == AttestationType.Self || verified.Certificates.Length == 0)
        {
            return new AttestationVerdict(AttestationRefusal.NotAttested, $"{described}: staff passkeys need an attestation certificate");
        }

        var allowed = policy.AllowedModels();
        if (allowed.Count > 0 && !allowed.Contains(model))
        {
            return new AttestationVerdict(AttestationRefusal.ModelNotAllowed, $"{described}: model not on the allow-list");
        }

        var entry = await metadata.GetEntryAsync(model, cancellationToken);
        if (entry?.MetadataStatement is not { AttestationRootCertificates.Length: > 0 } modelStatement || !ChainsToRoots(modelStatement))
        {
            return new AttestationVerdict(AttestationRefusal.ModelNotTrusted, $"{described}: no metadata with attestation roots for this model");
        }

        try
        {
            TrustAnchor.Verify(entry, verified.Certificates, verified.Type, FidoValidationMode.Default);
        }
        catch (Exception untrusted) when (untrusted is not OperationCanceledException)
        {
            return new AttestationVerdict(AttestationRefusal.ModelNotTrusted, $"{described}: certificate does not chain to the model's roots ({untrusted.Message})");
        }

        return null;
    }

    /// <summary>Fido2 checks the chain only for models whose metadata declares full (or privacy-CA) attestation.</summary>
    private static bool ChainsToRoots(MetadataStatement statement) =>
        statement.AttestationTypes?.Any(type => type is "basic_full" or "attca") is true;

    private async ValueTask<bool> VerifyForAsync(PasskeyAttestationStatementVerificationContext context)
    {
        Refusal = await JudgeAsync(context.AttestationObject, context.ClientDataHash, StaffAwarePasskeyHandler.IsStaff(context.HttpContext), context.HttpContext.RequestAborted);
        return Refusal is null;
    }
}
