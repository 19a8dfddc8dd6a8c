using System.Collections.Frozen;
using System.Text;

namespace Aims.Identity.Passwords;

/// <summary>
/// The 49,233 most common passwords (@zxcvbn-ts/language-common 4.1.3, MIT), matched as typed, stripped of leading and
/// trailing digits and symbols, and with common swaps undone, so "Summer2026!!" is caught (ASVS 6.2.4, 6.2.12).
/// </summary>
internal sealed class CommonPasswords
{
    private static readonly Dictionary<char, char> Swaps = new()
    {
        ['0'] = 'o', ['1'] = 'l', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['@'] = 'a', ['$'] = 's', ['!'] = 'i',
    };

    // Printable ASCII that is not a letter: what "leading and trailing digits and symbols" means.
    private static readonly char[] IsDigitOrSymbol =
        Enumerable.Range(32, 95).Select(c => (char)c).Where(c => !char.IsAsciiLetter(c)).ToArray();

    private readonly FrozenSet<string> passwords;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Aims.Identity.Passwords.common-passwords.txt")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        passwords = lines.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => passwords.Count;

    public bool Contains(string password) => Candidates(password).Any(passwords.Contains);

    private static IEnumerable<string> Candidates(string password)
    {
        var lower = password.ToLowerInvariant();
        yield return lower;
        var core = lower.Trim().TrimStart(IsDigitOrSymbol).TrimEnd(IsDigitOrSymbol);
        if (core.Length == 0)
        {
            yield break;
        }

        yield return core;
        yield return new string(core.Select(c => Swaps.GetValueOrDefault(c, c)).ToArray());
    }
}
