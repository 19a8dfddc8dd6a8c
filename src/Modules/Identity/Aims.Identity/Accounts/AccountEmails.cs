using Aims.BuildingBlocks.Web;
using Aims.Identity.Codes;
using Aims.Notifications.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Aims.Identity.Accounts;

/// <summary>
/// Every account email's words; each names the helpline and tells a stranger nothing. Language (ADR 0025, 0027): asked
/// for on a page → the page's; about an account → the account's (a lockout may be caused by someone else); staff → English.
/// </summary>
internal sealed class AccountEmails(
    IOptions<ContactOptions> contact,
    IOptions<PortalOptions> portal,
    IOptions<OneTimeCodeOptions> codes,
    IOptions<DataProtectionTokenProviderOptions> links,
    IStringLocalizer<IdentityText> t)
{
    private string Footer => EmailFooter.Text(contact.Value);

    private string LinkHours => links.Value.TokenLifespan.TotalHours.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    public EmailMessage ConfirmAddress(string to, string confirmPath) => new(
        to,
        t["Confirm your AIMS email address"],
        t["Confirm your email address to finish setting up your AIMS account:"] + $"\n\n{portal.Value.Link(confirmPath)}\n\n"
        + t["The link works for {0} hours. If you did not sign up for AIMS, ignore this email.", LinkHours] + Footer);

    /// <summary>During sign-up, in the page's language: the person signing up is most likely the owner who forgot.</summary>
    public EmailMessage AlreadyRegistered(string to) => new(
        to,
        t["Someone tried to sign up for AIMS with your email address"],
        t["Someone tried to create an AIMS account with this email address, which already has one. If it was you, sign in at {0} or reset your password there. If it was not you, you need do nothing.",
            portal.Value.Link("/account/sign-in")] + Footer);

    /// <summary>When another account asks for this account's address, in the owner's language.</summary>
    public EmailMessage AlreadyRegistered(AimsUser owner) => InLanguageOf(owner, () => AlreadyRegistered(owner.Email!));

    public EmailMessage SignInCode(string to, string code) => new(
        to,
        t["Your AIMS sign-in code"],
        t["Your AIMS sign-in code is {0}", code] + "\n\n"
        + t["It works once, for {0} minutes. Nobody from DMAS will ever ask you for it. If you did not try to sign in, change your password.", codes.Value.LifetimeMinutes] + Footer);

    public string SignInCodeText(string code) =>
        t["AIMS sign-in code: {0}. Valid {1} minutes, once. Do not share it.", code, codes.Value.LifetimeMinutes];

    /// <summary>Asked for on the mobile page by the person signed in, so in that page's language, like the sign-in code.</summary>
    public string VerifyMobileText(string code) =>
        t["AIMS code to verify this mobile number: {0}. Valid {1} minutes, once. Do not share it.", code, codes.Value.LifetimeMinutes];

    public EmailMessage LockedOut(AimsUser owner, DateTimeOffset until, TimeSpan lockedFor) => InLanguageOf(owner, () => new EmailMessage(
        owner.Email!,
        t["Your AIMS account is locked for {0} minutes", (int)lockedFor.TotalMinutes],
        t["Your AIMS account was locked after too many failed sign-in attempts. It unlocks by itself at {0}. If this was not you, reset your password once it unlocks, or call the helpline.",
            PortalDates.Eastern(until)] + Footer));

    public EmailMessage TemporaryPassword(string to, string password, DateTimeOffset expires) => new(
        to,
        t["Your AIMS temporary password"],
        t["Your temporary AIMS password is:"] + $"\n\n{password}\n\n"
        + t["It works until {0}. Sign in with it at {1}; you will still receive a one-time code, and you will then choose a new password. Your old password keeps working until you do. If you did not ask for this, you need do nothing.",
            PortalDates.Eastern(expires), portal.Value.Link("/account/sign-in")] + Footer);

    public EmailMessage PasswordChanged(AimsUser owner) => InLanguageOf(owner, () => new EmailMessage(
        owner.Email!,
        t["Your AIMS password was changed"],
        t["The password of your AIMS account was changed and every other session was signed out. If you did not do this, call the helpline now."] + Footer));

    public EmailMessage PasskeyAdded(AimsUser owner, string name) => InLanguageOf(owner, () => new EmailMessage(
        owner.Email!,
        t["A passkey was added to your AIMS account"],
        t["A passkey named “{0}” was added to your AIMS account; it can now sign in without a password. If you did not do this, call the helpline now.", name] + Footer));

    public EmailMessage PasskeyRemoved(AimsUser owner, string name) => InLanguageOf(owner, () => new EmailMessage(
        owner.Email!,
        t["A passkey was removed from your AIMS account"],
        t["The passkey named “{0}” was removed from your AIMS account. If you did not do this, call the helpline now.", name] + Footer));

    public EmailMessage ApiTokenIssued(AimsUser owner, string name, DateTimeOffset expires) => InLanguageOf(owner, () => new EmailMessage(
        owner.Email!,
        t["A new AIMS API token was created"],
        t["An API token named “{0}” was created for your AIMS account. It works until {1} unless you revoke it in your profile. If you did not do this, revoke it and call the helpline now.",
            name, PortalDates.Eastern(expires)] + Footer));

    public EmailMessage MobileChanged(AimsUser owner) => InLanguageOf(owner, () => new EmailMessage(
        owner.Email!,
        t["Your AIMS mobile number was changed"],
        t["The mobile number AIMS uses for sign-in codes was changed. If you did not do this, call the helpline now."] + Footer));

    /// <summary>To the account's current address, about the new one.</summary>
    public EmailMessage EmailChangeRequested(AimsUser owner, string newAddress) => InLanguageOf(owner, () => new EmailMessage(
        owner.Email!,
        t["Your AIMS email address is being changed"],
        t["Someone signed in to your AIMS account asked to change its email address to {0}. The change happens only once the new address is confirmed. If you did not ask for this, call the helpline now.", newAddress] + Footer));

    /// <summary>To the new address, in the language of the account it will belong to.</summary>
    public EmailMessage ConfirmNewAddress(AimsUser owner, string newAddress, string confirmPath) => InLanguageOf(owner, () => new EmailMessage(
        newAddress,
        t["Confirm your new AIMS email address"],
        t["Confirm this address for your AIMS account:"] + $"\n\n{portal.Value.Link(confirmPath)}\n\n" + t["The link works for {0} hours.", LinkHours] + Footer));

    public EmailMessage Activate(AimsUser owner, string agencyName, string activatePath, DateTimeOffset expires) => InLanguageOf(owner, () => new EmailMessage(
        owner.Email!,
        t["Your AIMS access is approved: set your password"],
        t["The Appeals Division approved your request for AIMS access for {0}. Set your password here:", agencyName] + $"\n\n{portal.Value.Link(activatePath)}\n\n"
        + t["The link works once, until {0}. Then sign in with this email address and your password; we send you a one-time code each time, and in your profile you can add a passkey or a mobile number for text-message codes.",
            PortalDates.Eastern(expires)] + Footer));

    /// <summary>In the language the access request was made in, as the address's own account may not be the requester's.</summary>
    public EmailMessage ApprovedButAddressInUse(string to, string agencyName, string? language) => InLanguage(language, () => new EmailMessage(
        to,
        t["Your AIMS access request: we need to talk to you"],
        t["The Appeals Division approved your request for AIMS access for {0}, but this email address already belongs to another AIMS account, so we could not set up your coordinator access. Please call the helpline so we can sort it out.", agencyName]
        + Footer));

    // Staff work in English (ADR 0025): these are written in English even when asked for from a Spanish page.
    public EmailMessage StaffResetRefused(string to) => InLanguage(null, () => new EmailMessage(
        to,
        "AIMS password reset",
        "Someone asked to reset the password of this AIMS staff account. Staff passwords are reset by an appeals "
        + "administrator: ask yours. If you did not ask, you need do nothing." + Footer));

    public EmailMessage StaffAccountCreated(string to, string password, DateTimeOffset expires) => InLanguage(null, () => new EmailMessage(
        to,
        "Your AIMS staff account",
        $"An appeals administrator created your AIMS staff account. Sign in at {portal.Value.Link("/staff/sign-in")} with this email "
        + $"address and the temporary password:\n\n{password}\n\nIt works until {PortalDates.Eastern(expires)}; you will then choose your own password "
        + "and can add a passkey in your profile." + Footer));

    public EmailMessage StaffPasswordReset(string to, string password, DateTimeOffset expires) => InLanguage(null, () => new EmailMessage(
        to,
        "Your AIMS password was reset by an administrator",
        $"An appeals administrator reset the password of your AIMS staff account; your old password no longer works and every "
        + $"session was signed out. Sign in at {portal.Value.Link("/staff/sign-in")} with the temporary password:\n\n{password}\n\n"
        + $"It works until {PortalDates.Eastern(expires)}; you will then choose a new password. If you did not ask for this, call the helpline now." + Footer));

    private static T InLanguageOf<T>(AimsUser owner, Func<T> compose) => InLanguage(owner.PreferredLanguage, compose);

    /// <summary>Composes in the language named by <paramref name="code"/> ("es"; English when null or unknown).</summary>
    private static T InLanguage<T>(string? code, Func<T> compose)
    {
        using (PortalLanguages.Use(PortalLanguages.Named(code)))
        {
            return compose();
        }
    }
}
