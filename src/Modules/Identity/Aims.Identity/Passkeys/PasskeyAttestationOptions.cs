namespace Aims.Identity.Passkeys;

/// <summary>
/// Which passkeys the portal accepts at registration, by who registers them (docs/adr/0032). External people may use
/// any passkey their device makes ("none" attestation); staff passkeys must prove their make and model.
/// </summary>
internal sealed class PasskeyAttestationOptions
{
    public const string Section = "Aims:Identity:Passkeys:Attestation";

    /// <summary>Staff passkeys must carry an attestation that chains to a root in the authenticator metadata.</summary>
    public bool RequiredForStaff { get; set; } = true;

    /// <summary>
    /// When not empty, the only authenticator models (AAGUIDs, such as <c>2fc0579f-8113-47ea-b116-bb5a8db9202a</c>)
    /// staff may register; each must be described in <see cref="MetadataFolder"/>.
    /// </summary>
    public List<string> AllowedAuthenticators { get; set; } = [];

    /// <summary>
    /// A folder of FIDO metadata statements (one JSON file each, as the FIDO Alliance publishes them) that the
    /// administrator supplies: the trusted attestation roots of each model. Nothing is downloaded.
    /// </summary>
    public string? MetadataFolder { get; set; }

    public IReadOnlySet<Guid> AllowedModels() => AllowedAuthenticators.Select(Guid.Parse).ToHashSet();
}
