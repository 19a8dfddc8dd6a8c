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
        var marker = folder is null ? ".Migrations." : $".{folder}.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.Contains(marker, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
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
