using Aims.BuildingBlocks.Web;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Registration.Requests;

/// <summary>
/// What requesters and invitees are told: receipts and invitations in the page's language, a denial (sent from a staff
/// screen) in the request's.
/// </summary>
internal sealed class RegistrationEmails(IOptions<ContactOptions> contact, IOptions<PortalOptions> portal, IStringLocalizer<RegistrationText> t)
{
    private string Footer => EmailFooter.Text(contact.Value);

    public EmailMessage Received(string to, string agencyName, DateOnly callAfter, string statusPath) => new(
        to,
        t["Your AIMS access request is pending review"],
        t["We received your request for AIMS access for {0}. The Appeals Division reviews it and replies to this address by email.", agencyName] + "\n\n"
        + t["If you have no reply by the end of {0} ({2} business days), call the appeals team at {1}.", PortalDates.Day(callAfter), contact.Value.HelplinePhone, RegistrationRules.ReplyWithinBusinessDays] + "\n\n"
        + t["See where your request stands at any time:"] + $"\n{portal.Value.Link(statusPath)}" + Footer);

    public EmailMessage ProviderInvitation(string to, string inviter, string providerName, string joinPath, DateTimeOffset expires) => new(
        to,
        t["Invitation to act for {0} in AIMS", providerName],
        t["{0} invited you to act for {1} in AIMS, the Virginia Medicaid appeals portal: you would see and file its appeals.", inviter, providerName] + "\n\n"
        + t["Sign in (or create an account with this email address first), then accept here:"] + $"\n{portal.Value.Link(joinPath)}\n\n"
        + t["The invitation works until {0}. If you do not know {1}, ignore this email.", PortalDates.Eastern(expires), inviter] + Footer);

    public EmailMessage RepresentativeInvitation(string to, string clientName, string joinPath, DateTimeOffset expires, int proofDays) => new(
        to,
        t["{0} asks you to represent them in AIMS", clientName],
        t["{0} named you as their authorized representative in AIMS, the Virginia Medicaid appeals portal: you would see their appeals, file and withdraw appeals for them and add documents.", clientName] + "\n\n"
        + t["Sign in with an authorized representative account for this email address (or create one first), then accept here:"] + $"\n{portal.Value.Link(joinPath)}\n\n"
        + t["The invitation works until {0}. For each appeal you file for them, send proof of your authority (a signed authorization or power of attorney) within {1} days. If you do not know this person, ignore this email.", PortalDates.Eastern(expires), proofDays]
        + Footer);

    /// <param name="language">The language the request was made in ("es", or null for English).</param>
    public EmailMessage Denied(string to, string agencyName, string reason, string? language)
    {
        using var scope = PortalLanguages.Use(PortalLanguages.Named(language));
        return new(
            to,
            t["Your AIMS access request was not approved"],
            t["Your request for AIMS access for {0} was not approved, for this reason:", agencyName] + $"\n\n{reason}\n\n"
            + t["You may contact the appeals team at {0} about it, or send a new request.", contact.Value.HelplinePhone] + Footer);
    }
}
