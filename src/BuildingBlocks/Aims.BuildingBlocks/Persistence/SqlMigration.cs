using System.Reflection;

namespace Aims.BuildingBlocks.Persistence;

/// <summary>One forward-only schema change, applied once and recorded in the schema's own history table.</summary>
public sealed record SqlMigration(string Id, string Sql)
{
    /// <summary>
    /// The .sql files a module embeds under its Migrations folder (or under <paramref name="folder"/>/Migrations where
    /// one assembly holds several schemas), ordered by file name (0001_..., 0002_...).
    /// </summary>
    public static IReadOnlyList<SqlMigration> EmbeddedIn(Assembly assembly, string? folder = null)
    {
        // Anchored at the assembly's name, so a module's own Migrations folder does not also take a second schema's
        // scripts (Appeals' Practice/Migrations build the practice schema, not the appeals one).
        var marker = folder is null ? $"{assembly.GetName().Name}.Migrations." : $".{folder}.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(name => (folder is null ? name.StartsWith(marker, StringComparison.Ordinal) : name.Contains(marker, StringComparison.Ordinal))
                           && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                var id = name[(name.LastIndexOf(marker, StringComparison.Ordinal) + marker.Length)..^".sql".Length];
                return new SqlMigration(id, reader.ReadToEnd());
            })
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }
}
