using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>
/// The floor holds only what no library does and every module needs (ADR 0046); what only the host composes is in
/// src/Host/Aims.Host/Composition. Its line count may fall, never grow.
/// </summary>
public sealed class BuildingBlocksSizeTests
{
    // Issue 23's limit: every .cs line under src/BuildingBlocks (as `wc -l` counts them), nothing left out.
    private const int MostLines = 1500;

    // Mail and TextMessages have gone to Notifications (ADR 0051); Wolverine's wiring in Messaging is still to move to the
    // host, so it is left out and the rest may hold at most this many lines (1,372 on 2026-12-06). Then empty NotCountedYet.
    private const int MostLinesWhileMoving = 1400;

    private static readonly string[] NotCountedYet = ["Messaging"];

    [Test]
    public void The_building_blocks_stay_under_their_limit()
    {
        var floor = Path.Combine(Repository.Root(), "src", "BuildingBlocks");
        var files = Directory.GetFiles(floor, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(floor, path).Split(Path.DirectorySeparatorChar)
                .Any(folder => folder is "bin" or "obj" || NotCountedYet.Contains(folder)))
            .ToList();

        var lines = files.Sum(path => File.ReadAllLines(path).Length);

        files.ShouldNotBeEmpty();
        lines.ShouldBeLessThanOrEqualTo(NotCountedYet.Length == 0 ? MostLines : MostLinesWhileMoving,
            "a piece one module uses belongs in that module; what only the host composes, in src/Host/Aims.Host/Composition");
    }
}
