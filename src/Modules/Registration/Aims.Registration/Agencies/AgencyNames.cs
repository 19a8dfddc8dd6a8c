using System.Text.RegularExpressions;

namespace Aims.Registration.Agencies;

/// <summary>
/// Whether two agency names probably mean the same agency ("Dept. of Social Services, Richmond" and "Richmond
/// Department of Social Services"), so a reviewer joins a request to the existing agency instead of creating a twin.
/// </summary>
internal static partial class AgencyNames
{
    private static readonly HashSet<string> Filler = ["the", "of", "and", "for", "a", "an", "inc", "llc", "co", "corp", "&"];

    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["dept"] = "department", ["svcs"] = "services", ["svc"] = "services", ["co"] = "county", ["assn"] = "association",
    };

    public static bool AreSimilar(string a, string b)
    {
        var left = Words(a);
        var right = Words(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return false;
        }

        var shared = left.Intersect(right).Count();
        return shared == Math.Min(left.Count, right.Count) || (double)shared / left.Union(right).Count() >= 0.5;
    }

    private static HashSet<string> Words(string name) =>
        [.. Word().Matches(name.ToLowerInvariant()).Select(m => Abbreviations.GetValueOrDefault(m.Value, m.Value)).Where(w => !Filler.Contains(w))];

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();
}
