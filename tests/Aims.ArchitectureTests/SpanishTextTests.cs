using System.Text.RegularExpressions;
using System.Xml.Linq;
using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>
/// Every English text a page or message looks up (<c>T["…"]</c> in a page, <c>t["…"]</c> in code, a validator's
/// <c>WithMessage("…")</c> or a rule's refusal <c>new RuleViolationException("…")</c> outside the staff screens) has its Spanish in that assembly's resource file (ADR 0022), so
/// no English slips onto a Spanish page unnoticed.
/// </summary>
public sealed partial class SpanishTextTests
{
    private static readonly string[] Projects =
    [
        "src/Host/Aims.Host",
        "src/BuildingBlocks/Aims.BuildingBlocks",
        .. Solution.ModuleNames.Select(name => $"src/Modules/{name}/Aims.{name}"),
    ];

    [TestCaseSource(nameof(Projects))]
    public void Every_text_looked_up_has_its_Spanish(string project)
    {
        var root = Path.Combine(Repository.Root(), project);
        // The host has two files (HostText, and HelpText for the help pages, whose own test checks them by page).
        var files = Directory.GetFiles(Path.Combine(root, "Resources"), "*.es.resx");
        files.ShouldNotBeEmpty();
        var spanish = files.SelectMany(resx => XDocument.Load(resx).Root!.Elements("data"))
            .Select(data => (Key: data.Attribute("name")!.Value, Value: data.Element("value")!.Value))
            .ToList();
        var known = spanish.Select(entry => entry.Key).ToHashSet();

        var missing = Sources(root).SelectMany(Keys).Distinct().Where(key => !known.Contains(key)).Order().ToList();

        missing.ShouldBeEmpty($"{string.Join(", ", files.Select(Path.GetFileName))} lack the Spanish of these texts");
        spanish.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).ShouldBeEmpty("an empty translation shows a blank");
    }

    /// <summary>
    /// The resource compiler keeps one of two names that differ only in case ("Email" and "email") and drops the
    /// other with a warning, so the dropped one would show in English; a fragment for inside a sentence needs words of its own.
    /// </summary>
    [TestCaseSource(nameof(Projects))]
    public void No_two_texts_in_a_resource_file_differ_only_in_case(string project)
    {
        foreach (var resx in Directory.GetFiles(Path.Combine(Repository.Root(), project, "Resources"), "*.es.resx"))
        {
            XDocument.Load(resx).Root!.Elements("data").Select(data => data.Attribute("name")!.Value)
                .GroupBy(key => key, StringComparer.OrdinalIgnoreCase).Where(same => same.Count() > 1).Select(same => string.Join(" / ", same))
                .ShouldBeEmpty(Path.GetFileName(resx));
        }
    }

    [Test]
    public void The_check_finds_the_keys_a_page_uses()
    {
        Keys(("x.cshtml", """<p>@T["Sign in"]</p> @T["Say \"yes\""]""")).ShouldBe(["Sign in", "Say \"yes\""]);
        Keys(("x.cs", """RuleFor(x => x.A).WithMessage("Enter it. " + "Or not."); var title = t["Home"];""")).ShouldBe(["Home", "Enter it. Or not."]);
        Keys(("x.cshtml", """<p>@T[one ? "{0} time" : "{0} times", n]</p>""")).ShouldBe(["{0} time", "{0} times"]);
        Keys(("x.cs", "throw new RuleViolationException(\n    \"{0} was already withdrawn on {1}.\", number, on); throw new RuleViolationException($\"{number} in English\");"))
            .ShouldBe(["{0} was already withdrawn on {1}."]);
    }

    private static IEnumerable<(string Path, string Text)> Sources(string root) =>
        Directory.GetFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cshtml", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Where(path => !EnglishOnly().IsMatch(path))
            .Select(path => (path, File.ReadAllText(path)));

    private static IEnumerable<string> Keys((string Path, string Text) source)
    {
        var lookups = (source.Path.EndsWith(".cshtml", StringComparison.Ordinal) ? PageLookup() : CodeLookup()).Matches(source.Text)
            .Select(match => match.Groups["text"].Value);
        var choices = Choice().Matches(source.Text).SelectMany(match => new[] { match.Groups["yes"].Value, match.Groups["no"].Value });
        var messages = source.Path.EndsWith(".cs", StringComparison.Ordinal)
            ? Message().Matches(source.Text).Select(match => string.Concat(match.Groups["part"].Captures.Select(c => c.Value)))
                .Concat(Refusal().Matches(source.Text).Select(match => match.Groups["text"].Value))
            : [];
        return lookups.Concat(choices).Concat(messages).Select(Regex.Unescape);
    }

    /// <summary>A refusal's wording (ADR 0028); an interpolated one (<c>$"…"</c>) is met on the staff screens only and stays English.</summary>
    [GeneratedRegex(@"\bRuleViolationException\(\s*""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Refusal();

    [GeneratedRegex(@"/Pages/(Staff|Admin|Dev)/")]
    private static partial Regex EnglishOnly();

    [GeneratedRegex(@"\bT\[""(?<text>(?:[^""\\]|\\.)*)""\s*[\],]")]
    private static partial Regex PageLookup();

    [GeneratedRegex(@"\b[tT]\[""(?<text>(?:[^""\\]|\\.)*)""\s*[\],]")]
    private static partial Regex CodeLookup();

    /// <summary>A lookup that chooses between two texts: <c>T[client ? "Appeal summary" : "Case summary"]</c>.</summary>
    [GeneratedRegex(@"\b[tT]\[[^\]""\n]*\?\s*""(?<yes>(?:[^""\\]|\\.)*)""\s*:\s*""(?<no>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Choice();

    [GeneratedRegex(@"\.WithMessage\(\s*""(?<part>(?:[^""\\]|\\.)*)""(?:\s*\+\s*""(?<part>(?:[^""\\]|\\.)*)"")*\s*\)")]
    private static partial Regex Message();
}
