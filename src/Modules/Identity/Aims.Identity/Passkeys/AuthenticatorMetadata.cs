using System.Text.Json;
using Aims.BuildingBlocks.Web;
using Fido2NetLib;
using Fido2NetLib.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Passkeys;

/// <summary>
/// The FIDO metadata the administrator supplies (<see cref="PasskeyAttestationOptions.MetadataFolder"/>), read once at
/// start-up through Fido2's file-system repository and kept in memory: the portal never calls out for it.
/// </summary>
internal sealed class AuthenticatorMetadata : IMetadataService
{
    private IReadOnlyDictionary<Guid, MetadataBLOBPayloadEntry> entries = new Dictionary<Guid, MetadataBLOBPayloadEntry>();

    public int Count => entries.Count;

    public Task<MetadataBLOBPayloadEntry?> GetEntryAsync(Guid aaguid, CancellationToken cancellationToken = default) =>
        Task.FromResult(entries.GetValueOrDefault(aaguid));

    public bool ConformanceTesting() => false;

    /// <summary>Checks the settings and reads the folder; anything wrong stops start-up with one line naming the setting.</summary>
    public async Task LoadAsync(PasskeyAttestationOptions options, string contentRoot, CancellationToken cancellationToken)
    {
        const string Setting = PasskeyAttestationOptions.Section;
        for (var i = 0; i < options.AllowedAuthenticators.Count; i++)
        {
            if (!Guid.TryParse(options.AllowedAuthenticators[i], out _))
            {
                throw new StartupException($"{Setting}:AllowedAuthenticators:{i} is \"{options.AllowedAuthenticators[i]}\", which is not an AAGUID (such as 2fc0579f-8113-47ea-b116-bb5a8db9202a).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.MetadataFolder))
        {
            if (options.AllowedAuthenticators.Count > 0)
            {
                throw new StartupException($"{Setting}:AllowedAuthenticators lists authenticator models but {Setting}:MetadataFolder is not set: without their metadata no staff passkey can be verified.");
            }

            entries = new Dictionary<Guid, MetadataBLOBPayloadEntry>();
            return;
        }

        var folder = Path.GetFullPath(options.MetadataFolder, contentRoot);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new StartupException($"{Setting}:MetadataFolder is \"{folder}\", which is not a folder: give the folder that holds the FIDO metadata statements (JSON files).");
        }

        // Fido2's repository passes over a file it cannot read; the administrator must hear which one.
        var models = new Dictionary<Guid, string>();
        foreach (var file in System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var (model, problem) = await ReadAsync(file, cancellationToken);
            if (problem is null && models.TryGetValue(model, out var first))
            {
                problem = $"{first} already describes model {model}";
            }

            if (problem is not null)
            {
                throw new StartupException($"{Setting}:MetadataFolder: \"{file}\" is not a FIDO metadata statement this portal can read ({problem}).");
            }

            models[model] = Path.GetFileName(file);
        }

        var blob = await new FileSystemMetadataRepository(folder).GetBLOBAsync(cancellationToken);
        var loaded = blob.Entries.Where(e => e.AaGuid is not null).ToDictionary(e => e.AaGuid!.Value);
        if (loaded.Count == 0)
        {
            throw new StartupException($"{Setting}:MetadataFolder \"{folder}\" holds no FIDO metadata statement with an AAGUID.");
        }

        var undescribed = options.AllowedModels().Where(model => !loaded.ContainsKey(model)).ToList();
        if (undescribed.Count > 0)
        {
            throw new StartupException($"{Setting}:AllowedAuthenticators names {string.Join(", ", undescribed)}, which no metadata statement in \"{folder}\" describes.");
        }

        entries = loaded;
    }

    private static async Task<(Guid Model, string? Problem)> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var json = File.OpenRead(file);
            var statement = await JsonSerializer.DeserializeAsync(json, FidoModelSerializerContext.Default.MetadataStatement, cancellationToken);
            return statement?.AaGuid is { } model ? (model, null) : (Guid.Empty, "it has no aaguid: only FIDO2 models can be allowed");
        }
        catch (JsonException unreadable)
        {
            return (Guid.Empty, unreadable.Message);
        }
    }
}

/// <summary>Reads the metadata before the portal answers anyone, so a bad folder stops start-up rather than a staff member's registration.</summary>
internal sealed class AuthenticatorMetadataStartup(
    AuthenticatorMetadata metadata, IOptions<PasskeyAttestationOptions> options, IHostEnvironment environment, ILogger<AuthenticatorMetadataStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await metadata.LoadAsync(options.Value, environment.ContentRootPath, cancellationToken);
        if (options.Value.RequiredForStaff && metadata.Count == 0)
        {
            logger.LogWarning("Staff passkeys need a verifiable attestation, but {Setting}:MetadataFolder is not set: no staff passkey can be added until it is.", PasskeyAttestationOptions.Section);
        }
        else
        {
            logger.LogInformation("Passkey attestation: {Count} authenticator model(s) described by the metadata; staff attestation required: {Required}.", metadata.Count, options.Value.RequiredForStaff);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
