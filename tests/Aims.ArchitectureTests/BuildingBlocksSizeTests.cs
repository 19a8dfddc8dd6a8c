using Aims.Testing;

namespace Aims.ArchitectureTests;

/// <summary>
/// The floor holds only what no library does and every module needs (ADR 0046); what only the host composes is in
/// src/Host/Aims.Host (Composition, Messaging). Its line count may fall, never grow.
/// </summary>
public sealed class BuildingBlocksSizeTests
{
    // Issue 23's limit: every .cs line under src/BuildingBlocks (as `wc -l` counts them), nothing left out.
    private const int MostLines = 1500;

    [Test]
    public void The_building_blocks_stay_under_their_limit()
    {
        var floor = Path.Combine(Repository.Root(), "src", "BuildingBlocks");
        var files = Directory.GetFiles(floor, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(floor, path).Split(Path.DirectorySeparatorChar)
                .Any(folder => folder is "bin" or "obj"))
            .ToList();

        var lines = files.Sum(path => File.ReadAllLines(path).Length);

        files.ShouldNotBeEmpty();
        lines.ShouldBeLessThanOrEqualTo(MostLines,
            "a piece one module uses belongs in that module; what only the host composes, in src/Host/Aims.Host");
    }
}
