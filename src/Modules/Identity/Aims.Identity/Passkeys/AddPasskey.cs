using Aims.BuildingBlocks.Errors;
using Aims.BuildingBlocks.Mediation;
using Aims.Identity.Accounts;
using Aims.Identity.Audit;
using Aims.Identity.SignIn;
using Aims.Notifications.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Aims.Identity.Passkeys;

/// <summary>Add a passkey: audited, emailed to the owner, and only after a recent sign-in.</summary>
/// <param name="Credential">The JSON of the browser's answer (<c>PublicKeyCredential.toJSON()</c>), put in the form by passkeys.js.</param>
internal sealed record AddPasskey(Guid UserId, string? Name, string? Credential) : ICommand<PasskeyAddition>;

/// <param name="Refusal">Why the attestation was refused, worded for the person; null when the passkey was added.</param>
internal sealed record PasskeyAddition(string? Refusal);

internal static class PasskeyRules
{
    public const int MaximumNameLength = 60;

    /// <summary>Enough for a phone, a computer and spare security keys; the cap bounds what one account can store.</summary>
    public const int MaximumPerAccount = 10;

    public static byte[]? CredentialBytes(string? id)
    {
        try
        {
            return string.IsNullOrEmpty(id) ? null : WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

internal sealed class AddPasskeyValidator : AbstractValidator<AddPasskey>
{
    public AddPasskeyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the passkey a name, such as \"Work laptop\".")
            .MaximumLength(PasskeyRules.MaximumNameLength).WithMessage($"Use at most {PasskeyRules.MaximumNameLength} characters.");
        RuleFor(c => c.Credential).Must(PasskeyCredential.IsPlausible)
            .WithMessage("Use the button to add the passkey: your device registers it first. Passkeys need JavaScript switched on.");
    }
}

internal sealed class AddPasskeyHandler(
    SignInManager<AimsUser> signIns, PasskeyAttestation attestation, SecurityAudit audit, IOutgoingMail mail, AccountEmails emails, IStringLocalizer<IdentityText> t)
    : IRequestHandler<AddPasskey, PasskeyAddition>
{
    public async Task<PasskeyAddition> Handle(AddPasskey command, CancellationToken cancellationToken)
    {
        var users = signIns.UserManager;
        var user = await users.FindByIdAsync(command.UserId.ToString()) ?? throw new NotFoundException("The account no longer exists.");
        if ((await users.GetPasskeysAsync(user)).Count >= PasskeyRules.MaximumPerAccount)
        {
            throw Invalid(t["An account can have at most {0} passkeys: remove one you no longer use first.", PasskeyRules.MaximumPerAccount]);
        }

        // Checks the challenge issued to this browser, the origin, the user verification and that the key is new.
        // Then the attestation policy (PasskeyAttestation, docs/adr/0032) judges the device's statement.
        var registered = await PasskeyCeremony.CompleteAsync(() => signIns.PerformPasskeyAttestationAsync(command.Credential!));
        if (attestation.Refusal is { } refusal)
        {
            // Returned, not thrown, so the audit record is kept.
            await audit.RecordAsync(SecurityEventKind.PasskeyRefused, user.Id, user.Email, refusal.Detail, cancellationToken);
            return new PasskeyAddition(PasskeyRefusals.Explain(refusal.Reason, t));
        }

        if (registered is null || !registered.Succeeded || registered.UserEntity.Id != user.Id.ToString())
        {
            throw Invalid("Your device did not register the passkey. Try again, or use another device.");
        }

        var passkey = registered.Passkey;
        passkey.Name = command.Name!.Trim();
        (await users.AddOrUpdatePasskeyAsync(user, passkey)).Require("The passkey was not stored");

        await audit.RecordAsync(SecurityEventKind.PasskeyAdded, user.Id, user.Email, passkey.Name, cancellationToken);
        await mail.QueueAsync(emails.PasskeyAdded(user, passkey.Name), cancellationToken);
        return new PasskeyAddition(null);
    }

    private static ValidationException Invalid(string message) => new([new FluentValidation.Results.ValidationFailure(nameof(AddPasskey.Name), message)]);
}
