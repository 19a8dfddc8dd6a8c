using Aims.BuildingBlocks.Web;
using Aims.Notifications.Contracts;
using Aims.Registration.Contracts;
using Aims.Registration.Model;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Registration.Claims;

/// <summary>
/// What a claimant is told at each step of their claim, written in their account's language by the caller (ADR 0027);
/// the code goes to the provider's enrolled address in the language of the page it was asked for on.
/// </summary>
internal sealed class ClaimEmails(IOptions<ContactOptions> contact, IOptions<PortalOptions> portal, IStringLocalizer<RegistrationText> t)
{
    private string Footer => EmailFooter.Text(contact.Value);

    /// <summary>The claim as the claimant knows it: a Medicaid ID by its last four digits only, an NPI (public) with the provider's name.</summary>
    public string What(ClaimKind kind, string identifier, string? providerName) => kind == ClaimKind.MedicaidId
        ? t["the Medicaid ID ending in {0}", identifier[^4..]]
        : t["NPI {0} ({1})", identifier, providerName ?? ""];

    public EmailMessage Pending(string to, string what, string statusPath) => new(
        to,
        t["We are checking {0}", what],
        t["You gave {0} in AIMS. Until the Appeals Division verifies it, AIMS shows you no appeals filed under it.", what] + "\n\n"
        + t["The division normally replies within {0} business days, by email to this address. See where it stands:", RegistrationRules.ReplyWithinBusinessDays] + $"\n{portal.Value.Link(statusPath)}" + Footer);

    public EmailMessage Verified(string to, string what, string statusPath) => new(
        to,
        t["Verified in AIMS: {0}", what],
        t["We verified {0}. You now see and act on the appeals filed under it:", what] + $"\n{portal.Value.Link(statusPath)}" + Footer);

    public EmailMessage Denied(string to, string what, string reason) => new(
        to,
        t["Not verified: {0}", what],
        t["We could not verify {0}, for this reason:", what] + $"\n\n{reason}\n\n"
        + t["AIMS shows you no appeals filed under it. If it is yours, call the AIMS helpline at {0}.", contact.Value.HelplinePhone] + Footer);

    public EmailMessage Revoked(string to, string what, string reason) => new(
        to,
        t["No longer verified: {0}", what],
        t["The Appeals Division withdrew its verification of {0}, for this reason:", what] + $"\n\n{reason}\n\n"
        + t["You no longer see the appeals filed under it. If this is a mistake, call the AIMS helpline at {0}.", contact.Value.HelplinePhone] + Footer);

    public EmailMessage Replaced(string to, string what) => new(
        to,
        t["Changed in AIMS: {0}", what],
        t["You replaced {0} on your profile. AIMS no longer shows you the appeals filed under it; the new one is checked before it shows you anything.", what]
        + Footer);

    public EmailMessage Code(string to, string providerName, string npi, string code, int minutes) => new(
        to,
        t["Your AIMS code for NPI {0}", npi],
        t["Someone asked to manage {0} (NPI {1}) in AIMS, the Virginia Medicaid appeals portal, and named this address, which the provider's Medicaid enrolment gives. The code is:", providerName, npi]
        + $"\n\n{code}\n\n"
        + t["It works for {0} minutes. If nobody at {1} asked for it, do not share it, and call the AIMS helpline at {2}.", minutes, providerName, contact.Value.HelplinePhone] + Footer);

    public EmailMessage AdministrationGiven(string to, string providerName, string npi, string providerPath) => new(
        to,
        t["You now administer {0} in AIMS", providerName],
        t["The Appeals Division made you the administrator of {0} (NPI {1}) in AIMS. You see its appeals and invite the people who act for it:", providerName, npi]
        + $"\n{portal.Value.Link(providerPath)}" + Footer);

    public EmailMessage AdministrationTaken(string to, string providerName, string npi) => new(
        to,
        t["You no longer act for {0} in AIMS", providerName],
        t["The Appeals Division gave the administration of {0} (NPI {1}) to another person, and you no longer see its appeals. If this is a mistake, call the AIMS helpline at {2}.", providerName, npi, contact.Value.HelplinePhone]
        + Footer);
}
