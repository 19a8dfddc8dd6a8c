using System.Text.RegularExpressions;
using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>
/// A portal class (<c>aims-…</c>) no style sheet defines renders unstyled and nothing else notices: every class a page
/// uses must have a rule in the portal's own style sheets.
/// </summary>
public sealed partial class StyleSheetTests
{
    [Test]
    public void Every_portal_class_a_page_uses_is_defined_in_a_style_sheet()
    {
        var src = Path.Combine(Repository.Root(), "src");
        var defined = Directory.GetFiles(src, "*.css", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => Defined(File.ReadAllText(path)))
            .ToHashSet();
        defined.ShouldNotBeEmpty();

        var undefined = Directory.GetFiles(src, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(page => Used(File.ReadAllText(page)).Where(name => !defined.Contains(name))
                .Select(name => $"{name} ({Path.GetRelativePath(src, page)})"))
            .Distinct().Order().ToList();

        undefined.ShouldBeEmpty("these classes have no rule in any style sheet under src");
    }

    [Test]
    public void The_check_reads_class_attributes_and_selectors()
    {
        Used("""<div class="usa-x aims-one @(a ? "aims-two" : "")" data-aims-hook><p class='aims-three'>aims-prose</p>""")
            .ShouldBe(["aims-one", "aims-two", "aims-three"]);
        Defined(".aims-one, .aims-two dt { x: y } @media (min-width: 40em) { .aims-three:hover { } } /* .aims-four */")
            .ShouldBe(["aims-one", "aims-two", "aims-three"]);
    }

    private static IEnumerable<string> Used(string page) =>
        ClassAttribute().Matches(page).SelectMany(attribute => PortalClass().Matches(attribute.Groups["value"].Value)).Select(m => m.Value).Distinct();

    private static IEnumerable<string> Defined(string css) =>
        Selector().Matches(Comment().Replace(css, "")).Select(m => m.Groups["name"].Value).Distinct();

    // A class attribute's value up to its closing quote; a Razor expression inside may hold the other kind of quote.
    [GeneratedRegex("""\bclass\s*=\s*(?:"(?<value>(?:[^"@]|@\([^)]*\))*)"|'(?<value>[^']*)')""")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"(?<![\w-])aims-[a-z0-9_-]+")]
    private static partial Regex PortalClass();

    [GeneratedRegex(@"\.(?<name>aims-[a-z0-9_-]+)")]
    private static partial Regex Selector();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
