using System.Text.RegularExpressions;

namespace Aims.BuildingBlocks.Persistence;

/// <summary>A schema a module owns and the migrations that build it. Modules register one each.</summary>
public sealed partial record ModuleSchema
{
    public ModuleSchema(string name, IReadOnlyList<SqlMigration> migrations)
    {
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case schema name.", nameof(name));
        }

        Name = name;
        Migrations = migrations;
    }

    public string Name { get; }

    public IReadOnlyList<SqlMigration> Migrations { get; }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
