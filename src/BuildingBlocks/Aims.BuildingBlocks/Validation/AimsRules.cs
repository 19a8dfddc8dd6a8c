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
    private static readonly string[] DateFormats = ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd"];

    /// <summary>A date as people type it on a form (04/27/2026) or as an API sends it (2026-04-27); null otherwise.</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static IRuleBuilderOptions<T, string?> UsDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => ParseDate(value) is not null).WithMessage("Enter the date like 04/27/2026.");

    public static IRuleBuilderOptions<T, string?> Npi<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Validation.Npi.IsValid)
            .WithMessage("Enter the 10-digit NPI exactly as issued; this one fails the NPI check digit.");

    public static IRuleBuilderOptions<T, string?> MedicaidId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(TwelveDigits()).WithMessage("Enter the 12-digit Medicaid ID (digits only).");

    public static IRuleBuilderOptions<T, string?> UsZip<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(Zip()).WithMessage("Enter a 5-digit ZIP code or ZIP+4 (for example 23219 or 23219-1234).");

    public static IRuleBuilderOptions<T, string?> UsState<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is not null && UsStates.ByCode.ContainsKey(code))
            .WithMessage("Choose a state.");

    /// <summary>A required email address someone is invited by.</summary>
    public static IRuleBuilderOptions<T, string?> InvitedEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter the email address to invite.")
            .MaximumLength(256).WithMessage("Enter at most 256 characters.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");

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

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex TwelveDigits();

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex Zip();

    [GeneratedRegex(@"^\+?[\d\s().-]{10,20}$")]
    private static partial Regex PhoneCharacters();
}
