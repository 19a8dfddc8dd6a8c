using System.Globalization;
using Aims.BuildingBlocks.Mail;
using Aims.BuildingBlocks.Web;
using Aims.Identity.Codes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Accounts;

/// <summary>
/// The words of every account email, in one place: each names the helpline, and none carries anything a stranger
/// could use beyond what the message is for. The emails a person asks for on a page (sign-up, codes, a reset) are in
/// that page's language (ADR 0022); the rest are English until accounts remember a language.
/// </summary>
internal sealed class AccountEmails(IOptions<ContactOptions> contact, IOptions<PortalOptions> portal, IOptions<OneTimeCodeOptions> codes, IStringLocalizer<IdentityText> t)
{
    private string Footer => EmailText.Footer(contact.Value);

    public EmailMessage ConfirmAddress(string to, string confirmPath) => new(
        to,
        t["Confirm your AIMS email address"],
        t["Confirm your email address to finish setting up your AIMS account:"] + $"\n\n{portal.Value.Link(confirmPath)}\n\n"
        + t["The link works for 24 hours. If you did not sign up for AIMS, ignore this email."] + Footer);

    public EmailMessage AlreadyRegistered(string to) => new(
        to,
        "Someone tried to sign up for AIMS with your email address",
        "Someone tried to create an AIMS account with this email address, which already has one. If it was you, sign in "
        + $"at {portal.Value.Link("/account/sign-in")} or reset your password there. If it was not you, you need do nothing." + Footer);

    public EmailMessage SignInCode(string to, string code) => new(
        to,
        t["Your AIMS sign-in code"],
        t["Your AIMS sign-in code is {0}", code] + "\n\n"
        + t["It works once, for {0} minutes. Nobody from DMAS will ever ask you for it. If you did not try to sign in, change your password.", Minutes(codes.Value.Lifetime)] + Footer);

    public string SignInCodeText(string code) =>
        t["AIMS sign-in code: {0}. Valid {1} minutes, once. Do not share it.", code, Minutes(codes.Value.Lifetime)];

    public string VerifyMobileText(string code) =>
        $"AIMS code to verify this mobile number: {code}. Valid {Minutes(codes.Value.Lifetime)} minutes, once. Do not share it.";

    public EmailMessage LockedOut(string to, DateTimeOffset until) => new(
        to,
        "Your AIMS account is locked for 30 minutes",
        $"Your AIMS account was locked after too many failed sign-in attempts. It unlocks by itself at {Eastern(until)}. "
        + "If this was not you, reset your password once it unlocks, or call the helpline." + Footer);

    public EmailMessage TemporaryPassword(string to, string password, DateTimeOffset expires) => new(
        to,
        t["Your AIMS temporary password"],
        t["Your temporary AIMS password is:"] + $"\n\n{password}\n\n"
        + t["It works until {0}. Sign in with it at {1}; you will still receive a one-time code, and you will then choose a new password. Your old password keeps working until you do. If you did not ask for this, you need do nothing.",
            Eastern(expires), portal.Value.Link("/account/sign-in")] + Footer);

    public EmailMessage StaffResetRefused(string to) => new(
        to,
        "AIMS password reset",
        "Someone asked to reset the password of this AIMS staff account. Staff passwords are reset by an appeals "
        + "administrator: ask yours. If you did not ask, you need do nothing." + Footer);

    public EmailMessage PasswordChanged(string to) => new(
        to,
        "Your AIMS password was changed",
        "The password of your AIMS account was changed and every other session was signed out. If you did not do this, call the helpline now." + Footer);

    public EmailMessage PasskeyAdded(string to, string name) => new(
        to,
        "A passkey was added to your AIMS account",
        $"A passkey named \"{name}\" was added to your AIMS account; it can now sign in without a password. If you did not do this, "
        + "call the helpline now." + Footer);

    public EmailMessage PasskeyRemoved(string to, string name) => new(
        to,
        "A passkey was removed from your AIMS account",
        $"The passkey named \"{name}\" was removed from your AIMS account. If you did not do this, call the helpline now." + Footer);

    public EmailMessage ApiTokenIssued(string to, string name, DateTimeOffset expires) => new(
        to,
        "A new AIMS API token was created",
        $"An API token named \"{name}\" was created for your AIMS account. It works until {Eastern(expires)} unless you revoke it in "
        + "your profile. If you did not do this, revoke it and call the helpline now." + Footer);

    public EmailMessage MobileChanged(string to) => new(
        to,
        "Your AIMS mobile number was changed",
        "The mobile number AIMS uses for sign-in codes was changed. If you did not do this, call the helpline now." + Footer);

    public EmailMessage EmailChangeRequested(string to, string newAddress) => new(
        to,
        "Your AIMS email address is being changed",
        $"Someone signed in to your AIMS account asked to change its email address to {newAddress}. The change happens only once the "
        + "new address is confirmed. If you did not ask for this, call the helpline now." + Footer);

    public EmailMessage ConfirmNewAddress(string to, string confirmPath) => new(
        to,
        "Confirm your new AIMS email address",
        $"Confirm this address for your AIMS account:\n\n{portal.Value.Link(confirmPath)}\n\nThe link works for 24 hours." + Footer);

    public EmailMessage StaffAccountCreated(string to, string password, DateTimeOffset expires) => new(
        to,
        "Your AIMS staff account",
        $"An appeals administrator created your AIMS staff account. Sign in at {portal.Value.Link("/staff/sign-in")} with this email "
        + $"address and the temporary password:\n\n{password}\n\nIt works until {Eastern(expires)}; you will then choose your own password "
        + "and can add a passkey in your profile." + Footer);

    public EmailMessage StaffPasswordReset(string to, string password, DateTimeOffset expires) => new(
        to,
        "Your AIMS password was reset by an administrator",
        $"An appeals administrator reset the password of your AIMS staff account; your old password no longer works and every "
        + $"session was signed out. Sign in at {portal.Value.Link("/staff/sign-in")} with the temporary password:\n\n{password}\n\n"
        + $"It works until {Eastern(expires)}; you will then choose a new password. If you did not ask for this, call the helpline now." + Footer);

    public EmailMessage Activate(string to, string agencyName, string activatePath, DateTimeOffset expires) => new(
        to,
        "Your AIMS access is approved: set your password",
        $"The Appeals Division approved your request for AIMS access for {agencyName}. Set your password here:\n\n{portal.Value.Link(activatePath)}\n\n"
        + $"The link works once, until {Eastern(expires)}. Then sign in with this email address and your password; we send you a one-time code "
        + "each time, and in your profile you can add a passkey or a mobile number for text-message codes." + Footer);

    public EmailMessage ApprovedButAddressInUse(string to, string agencyName) => new(
        to,
        "Your AIMS access request: we need to talk to you",
        $"The Appeals Division approved your request for AIMS access for {agencyName}, but this email address already belongs to another "
        + "AIMS account, so we could not set up your coordinator access. Please call the helpline so we can sort it out." + Footer);

    private static string Minutes(TimeSpan span) => ((int)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);

    private static string Eastern(DateTimeOffset at) => EmailText.Eastern(at);
}
