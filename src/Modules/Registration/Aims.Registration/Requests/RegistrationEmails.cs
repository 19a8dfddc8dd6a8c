using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Web;
using Microsoft.Extensions.Options;

namespace Aims.Registration.Requests;

/// <summary>What the requester is told about their access request, in one place.</summary>
internal sealed class RegistrationEmails(IOptions<ContactOptions> contact, IOptions<PortalOptions> portal)
{
    private string Footer => EmailText.Footer(contact.Value);

    public EmailMessage Received(string to, string agencyName, DateOnly callAfter, string statusPath) => new(
        to,
        "Your AIMS access request is pending review",
        $"We received your request for AIMS access for {agencyName}. The Appeals Division reviews it and replies to this address by email.\n\n"
        + $"If you have no reply by the end of {EmailText.Day(callAfter)} (2 business days), call the appeals team at {contact.Value.HelplinePhone}.\n\n"
        + $"See where your request stands at any time:\n{portal.Value.Link(statusPath)}" + Footer);

    public EmailMessage ProviderInvitation(string to, string inviter, string providerName, string joinPath, DateTimeOffset expires) => new(
        to,
        $"Invitation to act for {providerName} in AIMS",
        $"{inviter} invited you to act for {providerName} in AIMS, the Virginia Medicaid appeals portal: you would see and file its appeals.\n\n"
        + $"Sign in (or create an account with this email address first), then accept here:\n{portal.Value.Link(joinPath)}\n\n"
        + $"The invitation works until {EmailText.Eastern(expires)}. If you do not know {inviter}, ignore this email." + Footer);

    public EmailMessage RepresentativeInvitation(string to, string clientName, string joinPath, DateTimeOffset expires) => new(
        to,
        $"{clientName} asks you to represent them in AIMS",
        $"{clientName} named you as their authorized representative in AIMS, the Virginia Medicaid appeals portal: you would "
        + "see their appeals, file and withdraw appeals for them and add documents.\n\n"
        + $"Sign in with an authorized representative account for this email address (or create one first), then accept here:\n{portal.Value.Link(joinPath)}\n\n"
        + $"The invitation works until {EmailText.Eastern(expires)}. For each appeal you file for them, send proof of your authority "
        + "(a signed authorization or power of attorney) within 10 days. If you do not know this person, ignore this email." + Footer);

    public EmailMessage Denied(string to, string agencyName, string reason) => new(
        to,
        "Your AIMS access request was not approved",
        $"Your request for AIMS access for {agencyName} was not approved, for this reason:\n\n{reason}\n\n"
        + $"You may contact the appeals team at {contact.Value.HelplinePhone} about it, or send a new request." + Footer);
}
