using Aims.Identity.Contracts;

namespace Aims.Identity.Passwords;

/// <summary>
/// The MES password rules (ADR 0007) plus long passwords accepted, common ones and the email name refused; returns the
/// messages shown beside the field, none when acceptable.
/// </summary>
internal sealed class PasswordPolicy(CommonPasswords common)
{
    // The numbers live in the Contracts (PasswordRules) so the help pages state what this enforces.
    public const int MinimumLength = PasswordRules.MinimumLength;

    public const int MaximumLength = PasswordRules.MaximumLength;

    public const string SpecialCharacters = PasswordRules.SpecialCharacters;

    /// <summary>The rules as a form states them, beside the password field, filled in with <see cref="HintValues"/>.</summary>
    public const string Hint = "At least {0} characters, with an upper-case letter, a lower-case letter, a digit and one of "
        + "{1} — not a common password, and not your email name. Long passphrases are welcome.";

    public static readonly object[] HintValues = [MinimumLength, SpecialCharacters];

    public IReadOnlyList<string> Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["Enter a password."];
        }

        var problems = new List<string>();
        if (password.Length < MinimumLength)
        {
            problems.Add($"Use at least {MinimumLength} characters.");
        }

        if (password.Length > MaximumLength)
        {
            problems.Add($"Use at most {MaximumLength} characters.");
        }

        if (!password.Any(char.IsUpper))
        {
            problems.Add("Include an upper-case letter.");
        }

        if (!password.Any(char.IsLower))
        {
            problems.Add("Include a lower-case letter.");
        }

        if (!password.Any(char.IsAsciiDigit))
        {
            problems.Add("Include a digit.");
        }

        if (!password.Any(SpecialCharacters.Contains))
        {
            problems.Add($"Include one of these special characters: {SpecialCharacters}");
        }

        if (EmailName(email) is { } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Do not use your email address in your password.");
        }

        if (common.Contains(password))
        {
            problems.Add("This password is too common or has appeared in data breaches. Choose a different one.");
        }

        return problems;
    }

    // Short local parts ("jo@...") would forbid too many innocent passwords to be worth it.
    private static string? EmailName(string? email) =>
        email?.Split('@')[0] is { Length: >= 3 } name ? name : null;
}
