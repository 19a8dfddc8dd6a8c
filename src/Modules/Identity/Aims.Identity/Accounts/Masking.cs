namespace Aims.Identity.Accounts;

/// <summary>Enough of an address for its owner to recognise it, not enough for anyone looking over a shoulder.</summary>
internal static class Masking
{
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? "***" + email[Math.Max(at, 0)..] : email[0] + new string('*', Math.Min(at - 1, 6)) + email[at..];
    }

    public static string Phone(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length < 4 ? "***" : $"(***) ***-{digits[^4..]}";
    }
}
