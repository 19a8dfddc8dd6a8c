using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>A comment says why in a line or two; a block over four lines is usually an essay the code should carry.</summary>
public sealed class CommentBlockTests
{
    private const int LongestBlock = 4;

    // Today's count under src/ (2026-12-06, after every long block was cut); never raise it.
    private const int MostLongBlocks = 0;

    [Test]
    public void Comment_blocks_over_four_lines_in_src_do_not_grow()
    {
        var src = Path.Combine(Repository.Root(), "src");
        var blocks = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => LongBlocks(File.ReadAllLines(path)).Select(line => $"{Path.GetRelativePath(src, path)}:{line}"))
            .Order().ToList();

        blocks.Count.ShouldBeLessThanOrEqualTo(MostLongBlocks, $"comment blocks over {LongestBlock} lines:\n{string.Join('\n', blocks)}");
    }

    [Test]
    public void The_check_counts_runs_of_line_comments_and_xml_docs_over_four_lines()
    {
        string[] code =
        [
            "/// <summary>", "/// one", "/// two", "/// three", "/// </summary>",
            "class A", "{",
            "    // one", "    // two", "    // three", "    // four",
            "    int b; // trailing comments are not blocks",
            "}",
            "// 1", "// 2", "// 3", "// 4", "// 5", "// 6",
        ];

        LongBlocks(code).ShouldBe([1, 14]);
    }

    /// <summary>The first line (1-based) of each run of more than four lines that start with <c>//</c>.</summary>
    private static IEnumerable<int> LongBlocks(IReadOnlyList<string> lines)
    {
        var run = 0;
        for (var i = 0; i <= lines.Count; i++)
        {
            if (i < lines.Count && lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                run++;
                continue;
            }

            if (run > LongestBlock)
            {
                yield return i - run + 1;
            }

            run = 0;
        }
    }
}
