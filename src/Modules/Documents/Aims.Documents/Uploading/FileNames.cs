using System.Text;
using System.Text.RegularExpressions;

namespace Aims.Documents.Uploading;

/// <summary>
/// Makes a sent file name safe for Content-Disposition, zip entries and file systems. A name that tries to climb out of a
/// folder is refused rather than cleaned, because no browser sends one.
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
