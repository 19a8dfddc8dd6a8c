using System.Text.RegularExpressions;
using System.Xml.Linq;
using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>Issue 23's habits that a reader checks by eye, kept by a test: every decision record dated with its status,
/// and every file the package list's comments point to still there.</summary>
public sealed partial class HabitTests
{
    [Test]
    public void Every_decision_record_opens_with_its_date_and_status()
    {
        var undated = Directory.GetFiles(Path.Combine(Repository.Root(), "docs", "adr"), "*.md")
            .Where(path => !File.ReadLines(path).Take(6).Any(line => DateAndStatus().IsMatch(line)))
            .Select(Path.GetFileName)
            .ToList();

        undated.ShouldBeEmpty("a decision record's first lines say \"Date: yyyy-mm-dd · Status: …\"");
    }

    [Test]
    public void Every_file_the_package_lists_comments_name_exists()
    {
        var root = Repository.Root();
        var comments = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).DescendantNodes().OfType<XComment>().Select(c => c.Value).ToList();
        var named = comments.SelectMany(comment => FilePath().Matches(comment).Select(match => match.Value)).ToList();

        named.ShouldNotBeEmpty("the comment names the records that say why these versions");
        named.Where(path => !File.Exists(Path.Combine(root, path))).ShouldBeEmpty();
    }

    [Test]
    public void Every_file_the_overviews_use_cases_name_exists()
    {
        var modules = Path.Combine(Repository.Root(), "src", "Modules");
        var named = File.ReadLines(Path.Combine(Repository.Root(), "docs", "architecture.md"))
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
            .SelectMany(line => ModuleFile().Matches(line).Select(match => match.Groups[1].Value))
            .ToList();

        named.Count.ShouldBeGreaterThanOrEqualTo(20, "the table names each use case's files under src/Modules");
        named.Where(path => !File.Exists(Path.Combine(modules, path))).ShouldBeEmpty();
    }

    [GeneratedRegex(@"`((Identity|Registration|Appeals|Documents|Notifications)/Aims\.[\w.]+/[\w/.]+\.cs)`")]
    private static partial Regex ModuleFile();

    [GeneratedRegex(@"^Date: \d{4}-\d{2}-\d{2} · Status: \S")]
    private static partial Regex DateAndStatus();

    [GeneratedRegex(@"[\w./-]+\.(md|props|json|cake)\b")]
    private static partial Regex FilePath();
}
