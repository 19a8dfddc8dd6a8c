using System.Text;
using System.Text.RegularExpressions;

namespace Aims.Documents.Uploading;

/// <summary>
/// Turns the name a browser or program sent into one that is safe in a Content-Disposition header, a zip entry and a
/// file system: no path, no control characters, no characters Windows reserves, not a reserved device name. A name that
/// tries to climb out of a folder is refused outright rather than quietly cleaned, because no browser sends one.
/// </summary>
internal static partial class FileNames
{
    private const int MaxLength = 150;

    public static bool HasPath(string name) => name.Contains('/') || name.Contains('\\') || name is "." or "..";

    public static string Safe(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || "<>:\"/\\|?*".Contains(c) ? '_' : c);
        }

        var safe = builder.ToString().Trim().Trim('.', ' ');
        var extension = Path.GetExtension(safe);
        var stem = safe[..^extension.Length].TrimEnd('.', ' ');
        if (stem.Length == 0)
        {
            stem = "document";
        }

        if (ReservedDevice().IsMatch(stem))
        {
            stem = "_" + stem;
        }

        if (stem.Length + extension.Length > MaxLength)
        {
            stem = stem[..Math.Max(1, MaxLength - extension.Length)];
        }

        return stem + extension.ToLowerInvariant();
    }

    [GeneratedRegex(@"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReservedDevice();
}
