using Microsoft.Extensions.Localization;

namespace Aims.Identity.Passkeys;

/// <summary>What the person is told when their new passkey's attestation is refused, in the page's language.</summary>
internal static class PasskeyRefusals
{
    public static string Explain(AttestationRefusal reason, IStringLocalizer<IdentityText> t) => reason switch
    {
        AttestationRefusal.NotAttested => t["Staff passkeys must come from a security key or device that proves its make and model, and this one did not. The passkey was not added: use a security key issued by the agency."],
        AttestationRefusal.ModelNotAllowed => t["This model of security key is not one the agency allows for staff passkeys. The passkey was not added: use a security key issued by the agency."],
        AttestationRefusal.ModelNotTrusted => t["The portal could not confirm who made this security key. The passkey was not added: use a security key issued by the agency, or call the AIMS helpline."],
        _ => t["Your device's answer could not be verified, so the passkey was not added. Try again, or use another device."],
    };
}
