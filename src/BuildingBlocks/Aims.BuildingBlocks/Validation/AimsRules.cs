using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace Aims.BuildingBlocks.Validation;

/// <summary>
/// Field rules every module's forms share, each with the message shown beside the field. One definition here, so a
/// ZIP code or NPI is judged the same way on every page and API.
/// </summary>
public static partial class AimsRules
{
    /// <summary>The earliest and latest dates any field accepts: 01/01/0001 typed by mistake is not a notice date.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>The largest amount of money a field accepts, well above any one claim or adjustment.</summary>
    public const decimal MaximumAmount = 999_999_999.99m;

    private static readonly string[] DateFormats = ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd"];

    /// <summary>
    /// A date as people type it on a form (04/27/2026) or as an API sends it (2026-04-27), between
    /// <see cref="EarliestDate"/> and <see cref="LatestDate"/>; null otherwise.
    /// </summary>
    public static DateOnly? ParseDate(string? value) => ParseAnyDate(value) is { } date && date >= EarliestDate && date <= LatestDate ? date : null;

    private static DateOnly? ParseAnyDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static IRuleBuilderOptions<T, string?> UsDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => ParseAnyDate(value) is not null).WithMessage("Enter the date like 04/27/2026.")
            .Must(value => ParseAnyDate(value) is null || ParseDate(value) is not null).WithMessage("Enter a date from 01/01/1900 to 12/31/2099.");

    /// <summary>Dollars as people write them ($1,250.00, 1250): at most two decimals, 0 to <see cref="MaximumAmount"/>; null otherwise.</summary>
    public static decimal? ParseDollars(string? value) => ParseAnyDollars(value) is { } amount && amount <= MaximumAmount ? amount : null;

    private static decimal? ParseAnyDollars(string? value) =>
        decimal.TryParse(value?.Trim().TrimStart('$').Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
        && amount >= 0 && decimal.Round(amount, 2) == amount
            ? amount
            : null;

    public static IRuleBuilderOptions<T, string?> Dollars<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => ParseAnyDollars(value) is not null).WithMessage("Enter the amount in dollars, for example 1250.00.")
            .Must(value => ParseAnyDollars(value) is null || ParseDollars(value) is not null).WithMessage("Enter an amount of at most $999,999,999.99.");

        /// <summary>
        /// An address mail can be delivered to (dot-atom local part, host-name labels): FluentValidation's EmailAddress()
        /// only looks for an @, so <c>&lt;img src=x onerror=alert(1)&gt;@example.com</c> passed it.
        /// </summary>
    public static bool IsEmailAddress(string? value) =>
        value is not null && value.Trim() is { Length: <= 254 } address && EmailPattern().IsMatch(address)
        && address.IndexOf('@', StringComparison.Ordinal) <= 64;

    public static IRuleBuilderOptions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => string.IsNullOrWhiteSpace(value) || IsEmailAddress(value)).WithMessage("Enter an email address like name@example.com.");

    public static IRuleBuilderOptions<T, string?> Npi<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Validation.Npi.IsValid)
            .WithMessage("Enter the 10-digit NPI exactly as issued; this one fails the NPI check digit.");

    public static IRuleBuilderOptions<T, string?> MedicaidId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(TwelveDigits()).WithMessage("Enter the 12-digit Medicaid ID (digits only).");

    public static IRuleBuilderOptions<T, string?> UsZip<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(Zip()).WithMessage("Enter a 5-digit ZIP code or ZIP+4 (for example 23219 or 23219-1234).");

    /// <summary>A required email address someone is invited by.</summary>
    public static IRuleBuilderOptions<T, string?> InvitedEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter the email address to invite.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .ValidEmail();

    /// <summary>A 10-digit US phone number, written with or without punctuation (804-486-2865, (804) 486-2865).</summary>
    public static IRuleBuilderOptions<T, string?> UsPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => UsPhoneDigits(value) is not null)
            .WithMessage("Enter a 10-digit US phone number, for example 804-486-2865.");

    /// <summary>The ten digits of a US phone number (a leading country code 1 dropped), or null when it is not one.</summary>
    public static string? UsPhoneDigits(string? value)
    {
        if (value is null || !PhoneCharacters().IsMatch(value))
        {
            return null;
        }

        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        // NANP: area code and exchange cannot start with 0 or 1.
        return digits.Length == 10 && digits[0] >= '2' && digits[3] >= '2' ? digits : null;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(\p{L}{2,63}|xn--[a-zA-Z0-9-]{1,59})$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex TwelveDigits();

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex Zip();

    [GeneratedRegex(@"^\+?[\d\s().-]{10,20}$")]
    private static partial Regex PhoneCharacters();
}
